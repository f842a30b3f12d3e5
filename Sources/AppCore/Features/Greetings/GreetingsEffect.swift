import VoicemailModel

/// What the greetings screen asks the runtime to do (VMTUIRuntime/GreetingsEffects.swift).
/// `mailbox` is the mailbox whose greetings these are (nil: the user's own). The runtime
/// answers with the `GreetingsEvent` carrying the same id.
public enum GreetingsEffect: Equatable, Sendable {
    /// → `.loaded`.
    case load(RequestID, mailbox: String?)
    /// Checks (and converts when needed) the file, then uploads it → `.uploadProgress`,
    /// `.uploaded`. `isRecording`: the file is a private recording to delete after.
    case upload(RequestID, mailbox: String?, type: GreetingType, path: String, isRecording: Bool)
    /// → `.wasReset`.
    case reset(RequestID, mailbox: String?, type: GreetingType)
    /// Records `from` again as `to` on the PBX → `.copied`.
    case copy(RequestID, mailbox: String?, from: GreetingType, to: GreetingType)
    /// Starts the recorder → `.recording(id, …)` reports until it ends.
    case startRecording(RequestID)
    /// Stops the recorder and keeps the recording (then `.finished`).
    case stopRecording
    /// Stops the recorder and discards the recording (then `.cancelled`).
    case cancelRecording

    public var requestID: RequestID? {
        switch self {
        case .load(let id, _), .upload(let id, _, _, _, _), .reset(let id, _, _), .copy(let id, _, _, _),
            .startRecording(let id):
            id
        case .stopRecording, .cancelRecording:
            nil
        }
    }
}

/// The runtime's answers to `GreetingsEffect`.
public enum GreetingsEvent: Equatable, Sendable {
    case loaded(RequestID, Result<[GreetingInfo], AppError>)
    /// Bytes uploaded so far.
    case uploadProgress(RequestID, bytes: Int64, total: Int64?)
    case uploaded(RequestID, Result<GreetingUpload, AppError>)
    case wasReset(RequestID, Result<GreetingInfo, AppError>)
    case copied(RequestID, Result<GreetingInfo, AppError>)
    /// What the recorder is doing; many per recording, until it ends.
    case recording(RequestID, RecordingReport)
}

/// What a greetings request in `AppState.pending` was for, with what its answers need.
public enum GreetingsPending: Equatable, Sendable {
    /// The greetings screen's list.
    case load
    /// An upload, and the progress shown meanwhile.
    case upload(GreetingType, TransferInfo)
    case reset(GreetingType)
    case copy(from: GreetingType, to: GreetingType)
    /// The recorder: its reports keep coming until it stops.
    case recording(GreetingType)
}

extension App {
    static func greetingsAnswered(_ state: inout AppState, _ event: GreetingsEvent) -> [Effect] {
        switch event {
        case .loaded(let id, let result): greetingsLoaded(&state, id, result)
        case .uploadProgress(let id, let bytes, let total): transferProgressed(&state, id, bytes: bytes, total: total)
        case .uploaded(let id, let result): greetingUploaded(&state, id, result)
        case .wasReset(let id, let result): greetingWasReset(&state, id, result)
        case .copied(let id, let result): greetingCopied(&state, id, result)
        case .recording(let id, let report): recordingReported(&state, id, report)
        }
    }
}
