import SystemBasics
import DisplayText
import VoicemailBackend
import VoicemailModel

/// The greetings screen (`G`): list the greetings the backend has (unavailable, busy, name,
/// and Asterisk's temporary one where it exists) of the mailbox being viewed; play, upload,
/// record, reset, or copy one onto another. The server decides who may change which mailbox.
extension App {
    static func openGreetings(_ state: inout AppState) -> [Effect] {
        let types = state.capabilities.greetingTypes
        state.greetings = GreetingsState(mailbox: state.mailbox, types: types.isEmpty ? GreetingType.allCases : types)
        return [loadGreetings(&state, mailbox: state.mailbox)]
    }

    private static func loadGreetings(_ state: inout AppState, mailbox: String?) -> Effect {
        state.supersede(state.greetingsLoadRequest)
        let id = state.makeRequestID()
        state.pending[id] = .greetings(.load)
        state.greetings?.isLoading = true
        state.status = .busy("Loading greetings…")
        return .greetings(.load(id, mailbox: mailbox))
    }

    /// Keys on the greetings screen (no prompt open, help closed): its own bindings, and what
    /// the mailbox's and the playback's bindings say they do here.
    static func handleGreetingsKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        if greetings.isRecording {
            return handleRecordingKey(&state, key, greetings)
        }
        var contexts: [KeyContext] = [.greetings, .mailbox]
        if state.audio.playback != nil { contexts.insert(.playback, at: 0) }
        guard let action = state.config.keyBindings.action(for: key, in: contexts) else { return [] }
        if let refusal = refusal(state, action) {
            state.status = .error(refusal)
            return []
        }
        let binding = BindingTable.binding(for: action)
        let handler = binding.context == .greetings ? binding.perform : binding.onGreetingsScreen
        return handler?(&state) ?? []
    }

    static func closeGreetings(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        state.supersede(state.greetingsLoadRequest)
        state.greetings = nil
        if case .busy = state.status, greetings.activity == nil { state.status = .none }
        if case .error = state.status { state.status = .none }
        // A greeting still playing belongs to the screen being left.
        if state.audio.playback?.target.greetingType != nil { return [.playback(.stop)] }
        return []
    }

    static func reloadGreetings(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings, greetings.activity == nil else { return [] }
        return [loadGreetings(&state, mailbox: greetings.mailbox)]
    }

    /// While recording only stop (Enter, s) and discard (Esc) mean something.
    private static func handleRecordingKey(_ state: inout AppState, _ key: Key, _ greetings: GreetingsState) -> [Effect] {
        guard case .recording(let type, _, _, _) = greetings.activity else { return [] }
        let action = state.config.keyBindings.action(for: key, in: [.playback, .greetings, .mailbox])
        if OverlayKeys.submit.matches(key) || action == .play || action == .stop {
            state.greetings?.activity = .stoppingRecording(type)
            state.status = .busy("Stopping the recorder…")
            return [.greetings(.stopRecording)]
        }
        if OverlayKeys.cancel.matches(key) || action == .closeGreetings {
            state.status = .busy("Discarding the recording…")
            return [.greetings(.cancelRecording)]
        }
        state.status = .info("Recording: Enter or \(state.config.keyBindings.label(.stop)) stops and uploads, Esc discards")
        return []
    }

    static func moveGreeting(_ state: inout AppState, by delta: Int) -> [Effect] {
        moveGreeting(&state, to: (state.greetings?.selection ?? 0) + delta)
    }

    static func moveGreeting(_ state: inout AppState, to row: Int) -> [Effect] {
        guard let count = state.greetings?.items.count else { return [] }
        state.greetings?.selection = max(0, min(row, count - 1))
        return []
    }

    static func playSelectedGreeting(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        let greeting = greetings.selected
        if state.audio.playback?.target.greetingType == greeting.type { return togglePause(state) }
        guard greeting.present else {
            state.status = .info("\(greeting.type.displayName): no recording; callers hear the PBX default")
            return []
        }
        return startPlayback(&state, .greeting(greeting, mailbox: greetings.mailbox))
    }

    /// Refuses while another change of the greetings runs; true when free.
    static func greetingsIdle(_ state: inout AppState, _ greetings: GreetingsState) -> Bool {
        guard greetings.activity == nil else {
            state.status = .info("Wait until the current upload or reset is done")
            return false
        }
        guard greetings.loaded else {
            state.status = .info(greetings.isLoading ? "Still loading the greetings…" : "The greetings did not load; press \(state.config.keyBindings.label(.refresh)) to retry")
            return false
        }
        return true
    }

    static func startGreetingUpload(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        guard greetingsIdle(&state, greetings) else { return [] }
        state.prompt = .uploadGreeting(
            type: greetings.selected.type, editor: LineEditor(directoryWithSlash(state.config.saveDirectory)))
        if case .error = state.status { state.status = .none }
        return []
    }

    static func startRecording(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        guard greetingsIdle(&state, greetings) else { return [] }
        var effects: [Effect] = []
        // The recorder must not hear the player.
        if state.audio.playback != nil { effects.append(.playback(.stop)) }
        let id = state.makeRequestID()
        let type = greetings.selected.type
        state.pending[id] = .greetings(.recording(type))
        state.greetings?.activity = .recording(type, elapsed: 0, level: nil, recorder: nil)
        state.status = .busy("Starting the recorder…")
        return effects + [.greetings(.startRecording(id))]
    }

    static func startGreetingReset(_ state: inout AppState) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        guard greetingsIdle(&state, greetings) else { return [] }
        let greeting = greetings.selected
        // The temporary greeting has no default: removing it brings unavailable and busy back.
        let isTemporary = greeting.type == .temporary
        guard greeting.present else {
            state.status = .info(
                isTemporary ? "No temporary greeting: callers hear Unavailable and Busy"
                    : "\(greeting.type.displayName) already uses the PBX default")
            return []
        }
        confirm(&state, Confirmation(
            isTemporary ? "Remove the Temporary greeting (callers hear Unavailable and Busy again)?"
                : "Reset the \(greeting.type.displayName) greeting to the PBX default?",
            yes: isTemporary ? "remove" : "reset", declined: isTemporary ? "Not removed" : "Not reset",
            then: .resetGreeting(greeting.type)))
        return []
    }

    /// Enter in the upload prompt.
    static func confirmGreetingUpload(_ state: inout AppState, type: GreetingType, text: String) -> [Effect] {
        let path = text.trimmingSpaces()
        guard !path.isEmpty, !path.hasSuffix("/") else {
            state.status = .error(path.isEmpty ? "Type the path of a WAV or MP3 file" : "That is a folder: type a file name (Tab completes)")
            return []
        }
        state.prompt = nil
        return startUpload(&state, type: type, path: path, isRecording: false)
    }

    private static func startUpload(_ state: inout AppState, type: GreetingType, path: String, isRecording: Bool) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        let id = state.makeRequestID()
        state.pending[id] = .greetings(.upload(type, TransferInfo(label: "Uploading the \(type.displayName) greeting")))
        state.greetings?.activity = .uploading(type)
        if !isRecording {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            state.status = .busy("Checking \(TerminalSafe.line(name))…")
        }
        return [.greetings(.upload(id, mailbox: greetings.mailbox, type: type, path: path, isRecording: isRecording))]
    }

    /// y in the reset prompt.
    static func confirmGreetingReset(_ state: inout AppState, type: GreetingType) -> [Effect] {
        guard let greetings = state.greetings else { return [] }
        let id = state.makeRequestID()
        state.pending[id] = .greetings(.reset(type))
        state.greetings?.activity = .resetting(type)
        state.status = .busy("Resetting the \(type.displayName) greeting…")
        return [.greetings(.reset(id, mailbox: greetings.mailbox, type: type))]
    }

    // MARK: Answers

    static func greetingsLoaded(_ state: inout AppState, _ id: RequestID, _ result: Result<[GreetingInfo], AppError>) -> [Effect] {
        guard state.pending[id] == .greetings(.load), var greetings = state.greetings else { return [] }
        state.pending[id] = nil
        greetings.isLoading = false
        switch result {
        case .success(let list):
            greetings.loaded = true
            for type in greetings.items.map(\.type) {
                greetings.replace(list.first { $0.type == type } ?? GreetingInfo(type: type, present: false))
            }
            if case .busy = state.status { state.status = .none }
        case .failure(let error):
            state.status = .error(describe(error, doing: "Could not load the greetings"))
        }
        state.greetings = greetings
        return []
    }

    static func greetingUploaded(_ state: inout AppState, _ id: RequestID, _ result: Result<GreetingUpload, AppError>) -> [Effect] {
        // The upload outlives the greetings screen: its outcome is said even after G was left.
        guard case .greetings(.upload(let type, _))? = state.pending.removeValue(forKey: id) else { return [] }
        if state.greetings?.activity == .uploading(type) { state.greetings?.activity = nil }
        switch result {
        case .success(let upload):
            state.greetings?.replace(upload.greeting)
            let length = upload.greeting.duration.map { " (\(DurationText.clock($0)))" } ?? ""
            var line = "Uploaded the \(upload.greeting.type.displayName) greeting\(length)"
            if let note = upload.note { line += "; " + TerminalSafe.line(note) }
            state.status = .success(line)
        case .failure(let error):
            state.status = .error(describe(error, doing: "Could not upload the \(type.displayName) greeting (the old one stays)"))
        }
        return []
    }

    static func greetingWasReset(_ state: inout AppState, _ id: RequestID, _ result: Result<GreetingInfo, AppError>) -> [Effect] {
        guard case .greetings(.reset(let type))? = state.pending.removeValue(forKey: id) else { return [] }
        if state.greetings?.activity == .resetting(type) { state.greetings?.activity = nil }
        switch result {
        case .success(let greeting):
            state.greetings?.replace(greeting)
            state.status = .success(
                type == .temporary ? "Temporary greeting removed: callers hear Unavailable and Busy again"
                    : "\(type.displayName) greeting reset to the PBX default")
        case .failure(let error):
            state.status = .error(describe(error, doing: "Could not reset the \(type.displayName) greeting"))
        }
        return []
    }

    static func recordingReported(_ state: inout AppState, _ id: RequestID, _ report: RecordingReport) -> [Effect] {
        guard case .greetings(.recording(let type))? = state.pending[id], let activity = state.greetings?.activity
        else { return [] }
        switch report {
        case .finished, .failed, .cancelled: state.pending[id] = nil
        case .started, .progress: break
        }
        switch report {
        case .started(let recorder):
            state.greetings?.activity = .recording(type, elapsed: 0, level: nil, recorder: recorder)
            state.status = .info("Recording the \(type.displayName) greeting with \(TerminalSafe.line(recorder))")
        case .progress(let elapsed, let level):
            if case .recording(_, _, _, let recorder) = activity {
                state.greetings?.activity = .recording(type, elapsed: elapsed, level: level, recorder: recorder)
            }
        case .finished(let path, let duration, let reachedLimit):
            state.status = .busy(
                (reachedLimit ? "Stopped at the \(DurationText.clock(VoicemailLimits.maxDurationSeconds)) limit" : "Recorded \(DurationText.clock(Int(duration.rounded())))")
                    + "; uploading…")
            return startUpload(&state, type: type, path: path, isRecording: true)
        case .failed(let reason):
            state.greetings?.activity = nil
            state.status = .error("Recording failed: " + TerminalSafe.line(reason))
        case .cancelled:
            state.greetings?.activity = nil
            state.status = .info("Recording discarded; the \(type.displayName) greeting is unchanged")
        }
        return []
    }

    /// Keys in the audio prompts (save, upload); nil when `prompt` is not one of them.
    static func handleAudioPromptKey(_ state: inout AppState, _ prompt: Prompt, _ key: Key) -> [Effect]? {
        switch prompt {
        case .saveAudio(_, var editor), .uploadGreeting(_, var editor):
            switch key {
            case OverlayKeys.cancel:
                state.prompt = nil
                state.supersede(state.completionRequest)
                state.status = .none
                return []
            case OverlayKeys.complete:
                return requestCompletion(&state, text: editor.text)
            case OverlayKeys.submit:
                state.supersede(state.completionRequest)
                if case .saveAudio(let id, _) = prompt { return confirmSave(&state, id: id, text: editor.text) }
                if case .uploadGreeting(let type, _) = prompt {
                    return confirmGreetingUpload(&state, type: type, text: editor.text)
                }
                return []
            default:
                guard editor.handle(key) else { return [] }
                switch prompt {
                case .saveAudio(let id, _): state.prompt = .saveAudio(id: id, editor: editor)
                case .uploadGreeting(let type, _): state.prompt = .uploadGreeting(type: type, editor: editor)
                default: break
                }
                if case .error = state.status { state.status = .none }
                if case .info = state.status { state.status = .none }
                return []
            }
        default:
            return nil
        }
    }
}
