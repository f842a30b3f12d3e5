import VoicemailModel

/// What an audio request in `AppState.pending` was for, with what its answers need.
public enum AudioPending: Equatable, Sendable {
    /// The playback on screen: its reports keep coming until it ends.
    case playback
    /// Saving a message's audio, and the progress shown meanwhile.
    case save(messageID: String, TransferInfo)
    /// A Tab completion's directory listing, and the text it completes.
    case completion(text: String)
    /// The greetings screen's list.
    case greetingsLoad
    /// A greeting upload, and the progress shown meanwhile.
    case greetingUpload(GreetingType, TransferInfo)
    case greetingReset(GreetingType)
    case greetingCopy(from: GreetingType, to: GreetingType)
    /// The recorder: its reports keep coming until it stops.
    case recording(GreetingType)
}

extension PendingOperation {
    /// The progress of a save or upload.
    var transfer: TransferInfo? {
        switch self {
        case .audio(.save(_, let transfer)), .audio(.greetingUpload(_, let transfer)): transfer
        default: nil
        }
    }
}
