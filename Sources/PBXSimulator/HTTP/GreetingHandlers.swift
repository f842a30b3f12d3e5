import Foundation
import Hummingbird
import VoicemailModel

/// The personal greetings of a mailbox (unavailable, busy, name, and Asterisk's temporary one):
/// list, info, download, upload, reset, and copy one onto another [vmtui extension].
struct GreetingHandlers {
    let api: SimulatorAPI
    let viewer: SimulatorUser
    let request: Request
    let context: SimulatorContext
    let query: QueryString

    init(api: SimulatorAPI, viewer: SimulatorUser, request: Request, context: SimulatorContext) {
        self.api = api
        self.viewer = viewer
        self.request = request
        self.context = context
        query = QueryString(request.uri.query)
    }

    static func type(_ text: String) throws -> GreetingType {
        guard let type = GreetingType(userInput: text) else {
            throw APIError.notFound("No greeting type \"\(text)\" (unavailable, busy, name or temporary)")
        }
        return type
    }

    private func mailbox() throws -> String {
        let mailbox = query["filter[mailbox]"].flatMap { $0.isEmpty ? nil : $0 } ?? viewer.extension
        guard Extensions.isValid(mailbox) else { throw APIError.badRequest("Invalid extension \"\(mailbox)\"") }
        try api.access.check(mailbox, viewer: viewer, request: request)
        return mailbox
    }

    private func record(_ mailbox: String, _ type: GreetingType) async -> GreetingInfo {
        guard let (url, format) = api.store.greetingFile(mailbox, type),
            let data = try? Data(contentsOf: url, options: .mappedIfSafe)
        else { return GreetingInfo(type: type, present: false) }
        let seconds = (try? AudioInspector.inspect(data).get())?.wholeSeconds
        return GreetingInfo(
            type: type, present: true, duration: seconds, format: format, size: data.count,
            updated: DurableFiles.modificationDate(url))
    }

    func list() async throws -> Response {
        let mailbox = try mailbox()
        var records: [GreetingInfo] = []
        for type in GreetingType.allCases { records.append(await record(mailbox, type)) }
        return try Responses.json(Page(total: records.count, records: records))
    }

    func info(_ type: GreetingType) async throws -> Response {
        try Responses.json(await record(try mailbox(), type))
    }

    func download(_ type: GreetingType) async throws -> Response {
        let mailbox = try mailbox()
        guard let (url, format) = api.store.greetingFile(mailbox, type) else {
            throw APIError.notFound("The \(type.displayName.lowercased()) greeting is the PBX default")
        }
        return try AudioFileResponse.make(file: url, format: format, request: request)
    }

    func upload(_ type: GreetingType) async throws -> Response {
        let mailbox = try mailbox()
        let (api, request, context) = (self.api, self.request, self.context)
        return try await api.uploads.withSlot {
            let staged = try await RequestBodies.stageAudio(request, context: context, into: try api.store.newUploadFile(for: mailbox))
            defer { staged.remove() }
            try await api.store.setGreeting(mailbox, type, audioFile: staged.url, format: staged.info.format)
            return try Responses.json(await record(mailbox, type))
        }
    }

    /// `POST …/Greetings/{type}/copy` with `{"to": "busy"}`: the destination's new record.
    func copy(_ source: GreetingType) async throws -> Response {
        let mailbox = try mailbox()
        let body = try await RequestBodies.collect(request, context: context, limit: 64 * 1024)
        let destination = try RequestBodies.json(GreetingCopyRequest.self, from: body).to
        guard destination != source else { throw APIError.badRequest("A greeting cannot be copied onto itself") }
        guard try await api.store.copyGreeting(mailbox, source, to: destination) else {
            throw APIError.notFound("The \(source.displayName.lowercased()) greeting is the PBX default: nothing to copy")
        }
        return try Responses.json(await record(mailbox, destination))
    }

    func reset(_ type: GreetingType) async throws -> Response {
        let mailbox = try mailbox()
        try await api.store.resetGreeting(mailbox, type)
        return try Responses.json(GreetingInfo(type: type, present: false))
    }
}
