import Foundation
import Hummingbird
import VoicemailModel

/// Audio under `/spoolview/voicemail/<context>/<mailbox>/…`, the path shape the real PBX
/// redirects to (`entry` is a greeting's file name, a message's `msg<msg_id>.<ext>`, or a
/// folder: the router wants one parameter name per position). Messages are named by msg_id,
/// never by position, so a renumbering between redirect and fetch cannot hand over another
/// message. Only what the index knows is served: no path can reach outside the spool.
struct SpoolView {
    let api: SimulatorAPI
    let request: Request
    let context: SimulatorContext

    /// The stable address of a message's audio (redirects and the list's `fileUrl`).
    static func path(of message: StoredMessage, store: SpoolStore) -> String {
        let ext = message.servedExtension.flatMap(SpoolLayout.servedFormat(ofExtension:)) ?? message.record.format
        return SpoolLayout.stableAudioPath(context: store.layout.context, mailbox: message.mailbox, id: message.id, format: ext)
    }

    /// The mailbox named in the path, after the access checks.
    private func mailbox() throws -> String {
        guard try context.parameter("context") == api.store.layout.context else { throw APIError.notFound("No such file") }
        let mailbox = try context.parameter("mailbox")
        guard Extensions.isValid(mailbox) else { throw APIError.notFound("No such file") }
        try api.access.check(mailbox, viewer: try context.requireViewer(), request: request)
        return mailbox
    }

    /// `<mailbox>/msg<msg_id>.<ext>` or a greeting (`<mailbox>/unavail.wav`).
    func entry() async throws -> Response {
        let mailbox = try mailbox()
        let name = try context.parameter("entry")
        if let (id, ext) = SpoolLayout.parseStableAudioName(name) { return try await message(mailbox, id: id, ext: ext) }
        guard let dot = name.lastIndex(of: "."),
            let type = GreetingType.allCases.first(where: { $0.spoolName == String(name[..<dot]) }),
            let (url, format) = api.store.greetingFile(mailbox, type),
            format.fileExtension == name[name.index(after: dot)...].lowercased()
        else { throw APIError.notFound("No such file") }
        return try AudioFileResponse.make(file: url, format: format, request: request)
    }

    /// `<mailbox>/<Folder>/msg<msg_id>.<ext>`, the shape of the public Wildix trace. The
    /// folder is informative: the message is found by msg_id wherever it is now.
    func inFolder() async throws -> Response {
        let mailbox = try mailbox()
        guard let (id, ext) = SpoolLayout.parseStableAudioName(try context.parameter("file")) else {
            throw APIError.notFound("No such file")
        }
        return try await message(mailbox, id: id, ext: ext)
    }

    private func message(_ mailbox: String, id: String, ext: String) async throws -> Response {
        let opened: OpenedAudio
        do {
            opened = try await api.store.openAudio(mailbox: mailbox, id: id)
        } catch StoreError.notFound {
            throw APIError.notFound("No such file")
        }
        guard opened.format.fileExtension == ext.lowercased() else {
            try? opened.handle.close()
            throw APIError.notFound("No such file")
        }
        return AudioFileResponse.make(handle: opened.handle, format: opened.format, request: request)
    }
}
