import VoicemailModel

/// What the details pane shows under a message's fields: the PBX's transcription, else the
/// local one marked "(local)", else how far the local one has got.
enum TranscriptionView {
    static func text(_ state: AppState, _ message: VoicemailMessage) -> String? {
        if App.hasPBXTranscription(message) { return message.transcription }
        guard state.config.localTranscription else { return nil }
        let key = TranscriptKey(message)
        if let local = state.transcription.texts[key] { return "(local) " + local }
        if state.transcription.running?.key == key { return "transcribing…" }
        if state.transcription.queued?.key == key, state.transcription.running != nil { return "waiting to transcribe…" }
        return nil
    }
}
