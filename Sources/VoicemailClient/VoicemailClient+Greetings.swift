import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension VoicemailClient {
    /// The greetings of a mailbox (own by default): pbx-sim lists all four.
    public func greetings(mailbox: String? = nil) async throws -> [GreetingInfo] {
        try await require(.greetings)
        let call = greetingCall(path: APIPath.greetings, mailbox: mailbox, resource: "greetings")
        return try decode(Page<GreetingInfo>.self, from: try await send(call), expected: "a list of greetings").records
    }

    public func greeting(_ type: GreetingType, mailbox: String? = nil) async throws -> GreetingInfo {
        try await require(.greetings)
        let call = greetingCall(path: APIPath.greeting(type), mailbox: mailbox, resource: "greeting \(type.rawValue)")
        return try decode(GreetingInfo.self, from: try await send(call), expected: "a greeting")
    }

    /// Streams a greeting's audio to `file`; `.notFound` when the PBX default is in use.
    @discardableResult
    public func downloadGreeting(
        _ type: GreetingType, mailbox: String? = nil, to file: URL, atomically: Bool = true,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        try await require(.greetings)
        var call = greetingCall(path: APIPath.greetingFile(type), mailbox: mailbox, resource: "greeting \(type.rawValue)")
        call.isAudioTransfer = true
        call.progress = progress
        return try await download(call, to: file, atomically: atomically)
    }

    /// Uploads a WAV or MP3 file (streamed from disk); the old greeting stays if it is refused.
    public func uploadGreeting(
        _ type: GreetingType, mailbox: String? = nil, from file: URL, progress: ProgressHandler? = nil
    ) async throws -> GreetingInfo {
        try await require(.greetingUpload)
        var call = greetingCall(path: APIPath.greetingFile(type), mailbox: mailbox, resource: "greeting \(type.rawValue)")
        call.method = "PUT"
        call.body = .file(file, contentType: try AudioSniffer.contentType(of: file))
        call.isAudioTransfer = true
        call.progress = progress
        call.progressIsUpload = true
        return try decode(GreetingInfo.self, from: try await send(call), expected: "the new greeting")
    }

    /// Back to the PBX default prompt.
    public func resetGreeting(_ type: GreetingType, mailbox: String? = nil) async throws -> GreetingInfo {
        try await require(.greetings)
        var call = greetingCall(path: APIPath.greeting(type), mailbox: mailbox, resource: "greeting \(type.rawValue)")
        call.method = "DELETE"
        return try decode(GreetingInfo.self, from: try await send(call), expected: "the reset greeting")
    }

    /// Records `source` again as `destination` (the server copies; nothing is downloaded).
    public func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String? = nil) async throws -> GreetingInfo {
        try await require(.greetingCopy)
        let capabilities = try await capabilities()
        try capabilities.require(source)
        try capabilities.require(destination)
        guard source != destination else {
            throw VoicemailError.badRequest(reason: "a greeting cannot be copied onto itself")
        }
        var call = greetingCall(path: APIPath.greetingCopy(source), mailbox: mailbox, resource: "greeting \(source.rawValue)")
        call.method = "POST"
        call.body = .data(try JSONEncoder().encode(GreetingCopyRequest(to: destination)), contentType: "application/json")
        return try decode(GreetingInfo.self, from: try await send(call), expected: "the copied greeting")
    }

    private func greetingCall(path: String, mailbox: String?, resource: String) -> APICall {
        let mailbox = effectiveMailbox(mailbox)
        return APICall(path: path, query: mailbox.map { [("filter[mailbox]", $0)] } ?? [], mailbox: mailbox, resource: resource)
    }
}
