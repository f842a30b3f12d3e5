/// I/O the app wants done. Each feature has its own sub-enum; the runtime executes each
/// effect and answers with the matching `AppEvent` carrying the same `RequestID`.
public enum Effect: Equatable, Sendable {
    /// Ask the backend what it can do (read-only, once per session) → `.capabilitiesLoaded`.
    case loadCapabilities
    /// The mailbox summary, the open folder, the new-message hook (Features/List).
    case list(ListEffect)
    /// Read, unread, move, delete, forward (Features/Actions).
    case actions(ActionsEffect)
    /// Opening another mailbox (Features/Picker).
    case picker(PickerEffect)
    /// Every mailbox for the support desk (Features/Overview).
    case overview(OverviewEffect)
    /// Playing and saving messages, path completion (Features/Playback).
    case playback(PlaybackEffect)
    /// Loading, uploading, resetting, copying and recording greetings (Features/Greetings).
    case greetings(GreetingsEffect)
    /// Exporting messages into a folder (Features/Export).
    case export(ExportEffect)
    /// A message's local transcript (Features/Transcription).
    case transcription(TranscriptionEffect)
    /// Ring the terminal bell (only sent when the config asks for it).
    case bell
    /// Stop the request's task (aborting its transfer): its answer is no longer wanted.
    case cancel(RequestID)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Leave the program.
    case quit

    public var requestID: RequestID? {
        switch self {
        case .list(let effect): effect.requestID
        case .actions(let effect): effect.requestID
        case .picker(let effect): effect.requestID
        case .overview(let effect): effect.requestID
        case .playback(let effect): effect.requestID
        case .greetings(let effect): effect.requestID
        case .export(let effect): effect.requestID
        case .transcription(let effect): effect.requestID
        case .loadCapabilities, .cancel, .bell, .redraw, .quit: nil
        }
    }
}
