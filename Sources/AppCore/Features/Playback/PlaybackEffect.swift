import VoicemailModel

/// What playing and saving ask the runtime to do (VMTUIRuntime/PlaybackEffects.swift). The
/// runtime answers with the `PlaybackEvent` carrying the same id.
public enum PlaybackEffect: Equatable, Sendable {
    /// Plays through the external player (stopping any other playback) → `.report(id, …)`
    /// until it ends.
    case play(RequestID, PlaybackTarget)
    case togglePause
    case stop
    /// Seconds, negative for back.
    case seek(Double)
    /// Plays at this speed (1 is normal), this message and the next → `.speedRefused` when
    /// the player has no speed option.
    case setSpeed(Double)
    /// Saves a message's audio at `path` (a leading `~` means home) → `.saveProgress`, then
    /// `.saved` with the final path.
    case save(RequestID, mailbox: String?, id: String, path: String)
    /// Lists a directory as typed (`~` for home, empty for the working directory) →
    /// `.directoryListed`: Tab in the path prompts (save here, a greeting upload too).
    case listDirectory(RequestID, path: String)

    public var requestID: RequestID? {
        switch self {
        case .play(let id, _), .save(let id, _, _, _), .listDirectory(let id, _): id
        case .togglePause, .stop, .seek, .setSpeed: nil
        }
    }
}

/// The runtime's answers to `PlaybackEffect`.
public enum PlaybackEvent: Equatable, Sendable {
    /// What the player is doing; many per playback, until it ends.
    case report(RequestID, PlaybackReport)
    /// Bytes saved so far.
    case saveProgress(RequestID, bytes: Int64, total: Int64?)
    /// Answer to `.save`: the path of the saved file.
    case saved(RequestID, Result<String, AppError>)
    case directoryListed(RequestID, Result<[DirectoryEntry], AppError>)
    /// Answer to `.setSpeed` when the player (named) cannot play at another speed.
    case speedRefused(player: String)
}

/// What a playback request in `AppState.pending` was for, with what its answers need.
public enum PlaybackPending: Equatable, Sendable {
    /// The playback on screen: its reports keep coming until it ends.
    case playing
    /// Saving a message's audio, and the progress shown meanwhile.
    case save(messageID: String, TransferInfo)
    /// A Tab completion's directory listing, and the text it completes.
    case completion(text: String)
}

extension App {
    static func playbackAnswered(_ state: inout AppState, _ event: PlaybackEvent) -> [Effect] {
        switch event {
        case .report(let id, let report): playbackReported(&state, id, report)
        case .saveProgress(let id, let bytes, let total): transferProgressed(&state, id, bytes: bytes, total: total)
        case .saved(let id, let result): audioSaved(&state, id, result)
        case .directoryListed(let id, let result): directoryListed(&state, id, result)
        case .speedRefused(let player): speedRefused(&state, player: player)
        }
    }
}
