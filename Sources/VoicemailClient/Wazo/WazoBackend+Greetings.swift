import AudioFormats
import FoundationEssentials
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// Greetings unavailable, busy and name of the user's own voicemail: GET says whether one is
/// recorded (404: the PBX default; Wazo also answers HEAD, but the transport sends no HEAD)
/// and plays it, POST creates and PUT replaces it (raw audio/wav), DELETE puts
/// the PBX default back, and `…/copy` copies one greeting over another. wazo-calld has no
/// temporary greeting: asked for one, vmtui refuses before sending anything.
extension WazoBackend {
    /// wazo-calld's greeting names (its `VoicemailGreeting` schema: unavailable, busy, name).
    static let greetingTypes: [GreetingType] = [.unavailable, .busy, .name]

    func requireType(_ type: GreetingType) throws {
        guard Self.greetingTypes.contains(type) else { throw VoicemailError.noSuchGreetingType(type, has: Self.greetingTypes) }
    }

    func requireOwn(_ mailbox: String?) async throws {
        guard try await sharedID(mailbox) == nil else {
            throw VoicemailError.forbidden(mailbox: mailbox, reason: "Wazo lets a user manage only their own greetings")
        }
    }

    func isRecorded(_ type: GreetingType) async throws -> Bool {
        let response = try await send(
            Call(path: WazoPaths.greeting(type), accept: "audio/wav", resource: "greeting \(type.rawValue)", passThrough: [404]))
        return response.status != 404
    }

    public func greetings(mailbox: String?) async throws -> [GreetingInfo] {
        try await requireOwn(mailbox)
        var infos: [GreetingInfo] = []
        for type in Self.greetingTypes {
            let present = try await isRecorded(type)
            infos.append(GreetingInfo(type: type, present: present, format: present ? .wav : nil))
        }
        return infos
    }

    @discardableResult
    public func downloadGreeting(
        _ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        try requireType(type)
        try await requireOwn(mailbox)
        let call = Call(path: WazoPaths.greeting(type), accept: "audio/wav", resource: "greeting \(type.rawValue)", mailbox: mailbox)
        return try await RESTTransport.download(to: file, atomically: atomically, expecting: nil, progress: progress) {
            sink, reported in try await send(call, sink: sink, isAudio: true, progress: reported)
        }
    }

    /// Wazo stores the body as the greeting's WAV file: anything else is refused here.
    public func uploadGreeting(
        _ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?
    ) async throws -> GreetingInfo {
        try requireType(type)
        try await requireOwn(mailbox)
        guard try AudioSniffer.contentType(of: file) == AudioFormat.wav.mimeType else {
            throw VoicemailError.unsupportedMediaType(reason: "Wazo takes greetings as WAV only")
        }
        let method = try await isRecorded(type) ? "PUT" : "POST"
        _ = try await send(
            Call(
                method: method, path: WazoPaths.greeting(type), body: .file(file, contentType: "audio/wav"),
                resource: "greeting \(type.rawValue)", mailbox: mailbox),
            progress: progress)
        let size = FileBytes.size(of: file.path)
        return GreetingInfo(type: type, present: true, format: .wav, size: size)
    }

    public func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        try requireType(type)
        try await requireOwn(mailbox)
        _ = try await send(
            Call(method: "DELETE", path: WazoPaths.greeting(type), resource: "greeting \(type.rawValue)", mailbox: mailbox,
                 passThrough: [404]))
        return GreetingInfo(type: type, present: false)
    }

    /// `POST …/greetings/{source}/copy` with `{"dest_greeting": …}`: the source greeting
    /// recorded again as `destination` (Wazo answers 404 when the source is the default).
    public func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        try requireType(source)
        try requireType(destination)
        guard source != destination else {
            throw VoicemailError.badRequest(reason: "a greeting cannot be copied onto itself")
        }
        try await requireOwn(mailbox)
        _ = try await send(
            Call(
                method: "POST", path: WazoPaths.greetingCopy(source),
                body: RESTTransport.json(["dest_greeting": destination.rawValue]), resource: "greeting \(source.rawValue)",
                mailbox: mailbox))
        return GreetingInfo(type: destination, present: true, format: .wav)
    }
}
