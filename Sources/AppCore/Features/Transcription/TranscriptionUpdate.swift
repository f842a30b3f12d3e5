import DisplayText
import VoicemailModel

/// The details pane of a message without the PBX's transcription asks for a local one: after
/// every event the selection is looked at, so keys, mouse, loads and deletions all count.
/// Newest wins (a waiting request for another message is cancelled); the run under way is
/// left to finish, as its text is cached for the next visit.
extension App {
    static func followTranscription(_ state: inout AppState) -> [Effect] {
        guard state.config.localTranscription else { return [] }
        let wanted = transcriptionWanted(state)
        var effects: [Effect] = []
        if let queued = state.transcription.queued, queued.key != wanted {
            state.transcription.queued = nil
            effects.append(.cancel(queued.id))
        }
        guard let key = wanted, state.transcription.queued == nil, state.transcription.running?.key != key,
            let message = state.selectedMessage
        else { return effects }
        let id = state.makeRequestID()
        state.transcription.queued = TranscriptionState.Request(id: id, key: key)
        effects.append(.transcription(.transcribe(id, message: message, after: TranscriptionState.debounce)))
        return effects
    }

    /// The selected message, when its details are on screen, it has no transcription of the
    /// PBX's and none was made or failed yet.
    private static func transcriptionWanted(_ state: AppState) -> TranscriptKey? {
        guard let message = state.selectedMessage, !hasPBXTranscription(message),
            Layout(size: state.size, detailsToggled: state.detailsToggled).details != nil
        else { return nil }
        let key = TranscriptKey(message)
        guard state.transcription.texts[key] == nil, !state.transcription.failed.contains(key) else { return nil }
        return key
    }

    static func hasPBXTranscription(_ message: VoicemailMessage) -> Bool {
        message.transcription?.contains { !$0.isWhitespace } ?? false
    }

    static func transcriptionAnswered(_ state: inout AppState, _ event: TranscriptionEvent) -> [Effect] {
        switch event {
        case .started(let id):
            guard let request = state.transcription.queued, request.id == id else { return [] }
            state.transcription.queued = nil
            state.transcription.running = request
        case .finished(let id, let result):
            guard let request = state.transcription.take(id) else { return [] }
            switch result {
            case .success(let text):
                state.transcription.texts[request.key] = text
            case .failure(let error):
                state.transcription.failed.insert(request.key)
                state.status = .error("Local transcription: " + TerminalSafe.line(error.message, maxLength: 200))
            }
        }
        return []
    }
}
