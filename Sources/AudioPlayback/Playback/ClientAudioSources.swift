import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// A message's audio from the PBX, written into the private file as it arrives.
/// The backend checks what arrives against `message` (format, size, duration).
public struct MessageAudioSource: AudioSource {
    public var client: any VoicemailBackend
    public var message: VoicemailMessage

    /// `mailbox` (when given) is the mailbox the message was listed in.
    public init(client: any VoicemailBackend, message: VoicemailMessage, mailbox: String? = nil) {
        self.client = client
        var message = message
        if let mailbox, message.mailbox.isEmpty { message.mailbox = mailbox }
        self.message = message
    }

    public func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws {
        try await client.downloadAudio(of: message, to: file, atomically: false) {
            progress($0.bytes, $0.total)
        }
    }
}

/// A greeting's audio from the PBX (the greetings screen's "listen").
public struct GreetingAudioSource: AudioSource {
    public var client: any VoicemailBackend
    public var type: GreetingType
    public var mailbox: String?

    public init(client: any VoicemailBackend, type: GreetingType, mailbox: String? = nil) {
        self.client = client
        self.type = type
        self.mailbox = mailbox
    }

    public func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws {
        try await client.downloadGreeting(type, mailbox: mailbox, to: file, atomically: false) {
            progress($0.bytes, $0.total)
        }
    }
}

extension PlaybackRequest {
    /// Plays `message` from the PBX.
    public static func message(_ message: VoicemailMessage, client: any VoicemailBackend) -> PlaybackRequest {
        PlaybackRequest(
            source: MessageAudioSource(client: client, message: message),
            format: message.format, duration: message.duration > 0 ? Double(message.duration) : nil,
            name: "message")
    }

    /// Plays a greeting from the PBX.
    public static func greeting(_ info: GreetingInfo, mailbox: String? = nil, client: any VoicemailBackend) -> PlaybackRequest {
        PlaybackRequest(
            source: GreetingAudioSource(client: client, type: info.type, mailbox: mailbox),
            format: info.format ?? .wav, duration: info.duration.map(Double.init), name: "greeting-\(info.type.rawValue)")
    }
}
