import VoicemailModel

/// What the details pane asks the runtime for: the message's local transcript, from the
/// cache at once, else (after `after`, so a selection moving on makes it moot first) from the
/// config's `transcribe_command`, one run at a time. → `TranscriptionEvent`.
public enum TranscriptionEffect: Equatable, Sendable {
    case transcribe(RequestID, message: VoicemailMessage, after: Duration)

    public var requestID: RequestID {
        switch self {
        case .transcribe(let id, _, _): id
        }
    }
}

/// The runtime's answers: the command started (the cache had nothing), then how it ended.
public enum TranscriptionEvent: Equatable, Sendable {
    case started(RequestID)
    case finished(RequestID, Result<String, AppError>)
}
