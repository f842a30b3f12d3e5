import Foundation
import Hummingbird
import VoicemailModel

/// Audio under `/spoolview/voicemail/<context>/<mailbox>/…` (`entry` is a greeting's file
/// name or a message's folder: the router wants one parameter name per position), the path shape the real PBX
/// redirects to. Messages are named by their msg_id (`<Folder>/msg<msg_id>.<ext>`), never by
/// position, so a renumbering between redirect and fetch cannot hand over another message.
/// Only what the index knows is served: no path can reach outside the spool.
struct SpoolView {
    let api: SimulatorAPI
    let request: Request
    let context: SimulatorContext

    static let context = "default"

    /// The stable path of a message's audio. The folder is informative (the real PBX's paths
    /// carry one); the message is found by mailbox and msg_id wherever it is now.
    static func path(of message: StoredMessage) -> String {
        "/spoolview/voicemail/\(context)/\(message.mailbox)/\(message.folder.rawValue)/msg\(message.id).\(message.record.format.fileExtension)"
    }

    /// The mailbox named in the path, after the access checks.
    private func mailbox() throws -> String {
        guard try self.context.parameter("context") == Self.context else { throw APIError.notFound("No such file") }
        let mailbox = try self.context.parameter("mailbox")
        guard Extensions.isValid(mailbox) else { throw APIError.notFound("No such file") }
        try api.access.check(mailbox, viewer: try self.context.requireViewer(), request: request)
        return mailbox
    }

    func message() async throws -> Response {
        let mailbox = try mailbox()
        let name = try context.parameter("file")
        guard name.hasPrefix("msg"), let dot = name.lastIndex(of: ".") else { throw APIError.notFound("No such file") }
        let id = String(name[name.index(name.startIndex, offsetBy: 3)..<dot])
        let ext = name[name.index(after: dot)...].lowercased()
        guard MessageID.isValid(id), let message = await api.store.find(id), message.mailbox == mailbox,
            message.record.format.fileExtension == ext
        else { throw APIError.notFound("No such file") }
        return try AudioFileResponse.make(file: await api.store.audioURL(of: message), format: message.record.format, request: request)
    }

    func greeting() async throws -> Response {
        let mailbox = try mailbox()
        let name = try context.parameter("entry")
        guard let dot = name.lastIndex(of: "."),
            let type = GreetingType.allCases.first(where: { $0.spoolName == String(name[..<dot]) }),
            let (url, format) = await api.store.greetingFile(mailbox, type),
            format.fileExtension == name[name.index(after: dot)...].lowercased()
        else { throw APIError.notFound("No such file") }
        return try AudioFileResponse.make(file: url, format: format, request: request)
    }
}
