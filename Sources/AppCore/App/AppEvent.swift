import FoundationEssentials
import VoicemailBackend

/// Everything that can happen to the app: input, time, and the answers to effects, grouped by
/// the feature that asked.
public enum AppEvent: Equatable, Sendable {
    case input(InputEvent)
    /// The wall clock; the runtime sends one every few seconds (dates, auto refresh).
    case tick(Date)
    /// Answer to `.loadCapabilities`: what the backend can do.
    case capabilitiesLoaded(Result<BackendCapabilities, AppError>)
    /// Answers to the list's loads (Features/List).
    case list(ListEvent)
    /// Answers to the actions on messages (Features/Actions).
    case actions(ActionsEvent)
    /// Answers to opening another mailbox (Features/Picker).
    case picker(PickerEvent)
    /// Answers to the overview (Features/Overview).
    case overview(OverviewEvent)
    /// Answers to playing and saving (Features/Playback).
    case playback(PlaybackEvent)
    /// Answers to the greetings calls and the recorder (Features/Greetings).
    case greetings(GreetingsEvent)
    /// Answers to an export (Features/Export).
    case export(ExportEvent)
    /// Answers to a local transcription (Features/Transcription).
    case transcription(TranscriptionEvent)
}
