import VoicemailModel

/// Which message a local transcript belongs to: new audio under the same id (another size)
/// is another transcript, as in the runtime's cache.
public struct TranscriptKey: Hashable, Sendable {
    public var mailbox: String
    public var id: String
    public var size: Int

    public init(_ message: VoicemailMessage) {
        mailbox = message.mailbox
        id = message.id
        size = message.size
    }
}

/// Local transcription on the screen (config `transcribe_command`): the transcripts made or
/// read from the cache this session, and the one request waiting and the one running.
public struct TranscriptionState: Equatable, Sendable {
    /// How long a selection must rest on a message before its transcription is asked for:
    /// moving through the list must not start a run per message.
    public static let debounce: Duration = .milliseconds(400)

    public struct Request: Equatable, Sendable {
        public var id: RequestID
        public var key: TranscriptKey
    }

    public var texts: [TranscriptKey: String] = [:]
    /// Failed this session: one status line, then not tried again on every visit.
    public var failed: Set<TranscriptKey> = []
    /// Sent and not started (resting, or behind the run under way); a newer selection cancels it.
    public var queued: Request?
    /// Started; it runs to its end (its text is cached) whatever is selected meanwhile.
    public var running: Request?

    public init() {}

    /// The request answering `id`, taken out of the table.
    mutating func take(_ id: RequestID) -> Request? {
        if let request = queued, request.id == id {
            queued = nil
            return request
        }
        if let request = running, request.id == id {
            running = nil
            return request
        }
        return nil
    }
}
