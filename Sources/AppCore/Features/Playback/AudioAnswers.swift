/// Routes the runtime's audio answers to the feature that asked: playback and saving
/// (Features/Playback), greetings and recording (Features/Greetings).
extension App {
    static func handleAudioEvent(_ state: inout AppState, _ event: AudioEvent) -> [Effect] {
        switch event {
        case .playback(let id, let report): return playbackReported(&state, id, report)
        case .transferProgress(let id, let bytes, let total): return transferProgressed(&state, id, bytes: bytes, total: total)
        case .directoryListed(let id, let result): return directoryListed(&state, id, result)
        case .greetingsLoaded(let id, let result): return greetingsLoaded(&state, id, result)
        case .greetingUploaded(let id, let result): return greetingUploaded(&state, id, result)
        case .greetingReset(let id, let result): return greetingWasReset(&state, id, result)
        case .greetingCopied(let id, let result): return greetingCopied(&state, id, result)
        case .recording(let id, let report): return recordingReported(&state, id, report)
        case .saved(let id, let result): return audioSaved(&state, id, result)
        }
    }
}
