import SystemBasics
import DisplayText
import VoicemailModel

/// `w`: save the selected message's audio where the user says, with Tab completion and a
/// progress bar for large files; and the path prompts' shared completion.
extension App {
    static func startSave(_ state: inout AppState) -> [Effect] {
        guard let message = state.selectedMessage else {
            if state.isLoading { return deferUntilLoaded(&state, .save) }
            state.status = .info("No message selected")
            return []
        }
        state.prompt = .saveAudio(id: message.id, editor: LineEditor(defaultSavePath(state, message)))
        if case .error = state.status { state.status = .none }
        return []
    }

    /// `~/Downloads/Bob-Nguyen-2026-11-27-0815.wav`: caller and date, in the configured zone.
    static func defaultSavePath(_ state: AppState, _ message: VoicemailMessage) -> String {
        directoryWithSlash(state.config.saveDirectory) + defaultFileName(state, message)
    }

    static func defaultFileName(_ state: AppState, _ message: VoicemailMessage) -> String {
        let c = WallClock(message.date, in: state.config.timeZone)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        let date = "\(c.year)-\(two(c.month))-\(two(c.day))-\(two(c.hour))\(two(c.minute))"
        var caller = PathCompletion.safeFileName(message.callerName ?? "")
        if caller.isEmpty { caller = PathCompletion.safeFileName(message.callerNumber) }
        if caller.isEmpty { caller = "voicemail" }
        return "\(caller)-\(date).\(message.format.fileExtension)"
    }

    static func directoryWithSlash(_ directory: String) -> String {
        if directory.isEmpty { return "" }
        return directory.hasSuffix("/") ? directory : directory + "/"
    }

    /// Enter in the save prompt.
    static func confirmSave(_ state: inout AppState, id messageID: String, text: String) -> [Effect] {
        var path = text.trimmingSpaces()
        guard !path.isEmpty else {
            state.status = .error("Type where to save the audio")
            return []
        }
        guard let message = state.messages.first(where: { $0.id == messageID }) else {
            state.prompt = nil
            state.status = .info("Nothing to save: that message is gone")
            return []
        }
        // A folder alone gets the proposed file name.
        if path.hasSuffix("/") || path == "~" { path = directoryWithSlash(path) + defaultFileName(state, message) }
        state.prompt = nil
        let id = state.makeRequestID()
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let transfer = TransferInfo(
            label: "Saving \(TerminalSafe.line(name))", bytes: 0, total: message.size > 0 ? Int64(message.size) : nil)
        state.pending[id] = .playback(.save(messageID: messageID, transfer))
        state.status = .busy("Saving to \(TerminalSafe.line(path))…")
        return [.playback(.save(id, mailbox: state.mailbox, id: messageID, path: path))]
    }

    /// Esc while a save runs (and no prompt is open) cancels it: the runtime stops the
    /// transfer and deletes what was written. Nil when no save runs.
    static func cancelSave(_ state: inout AppState) -> [Effect]? {
        let saving = state.pending.first { entry in
            if case .playback(.save) = entry.value { return true }
            return false
        }
        guard let id = saving?.key else { return nil }
        state.pending[id] = nil
        state.status = .info("Save cancelled; nothing was written")
        return [.cancel(id)]
    }

    /// Tab in a path prompt: ask for the directory's listing; the answer completes the text
    /// if it was not edited meanwhile.
    static func requestCompletion(_ state: inout AppState, text: String) -> [Effect] {
        state.supersede(state.completionRequest)
        let id = state.makeRequestID()
        state.pending[id] = .playback(.completion(text: text))
        return [.playback(.listDirectory(id, path: PathCompletion.split(text).directory))]
    }

    static func directoryListed(
        _ state: inout AppState, _ id: RequestID, _ result: Result<[DirectoryEntry], AppError>
    ) -> [Effect] {
        guard case .playback(.completion(let text))? = state.pending.removeValue(forKey: id) else { return [] }
        guard let prompt = state.prompt, let editor = prompt.editor, editor.text == text else { return [] }
        switch result {
        case .failure(let error):
            state.status = .error(describe(error, doing: "Cannot list \(PathCompletion.split(text).directory)"))
        case .success(let entries):
            switch PathCompletion.complete(text, entries: entries) {
            case .noMatch:
                state.status = .error("No file or folder starts with \"\(TerminalSafe.line(PathCompletion.split(text).prefix))\"")
            case .completed(let completed, let candidates):
                let newEditor = LineEditor(completed)
                switch prompt {
                case .saveAudio(let messageID, _): state.prompt = .saveAudio(id: messageID, editor: newEditor)
                case .uploadGreeting(let type, _): state.prompt = .uploadGreeting(type: type, editor: newEditor)
                default: return []
                }
                let shown = candidates.map(TerminalSafe.line).joined(separator: "  ")
                state.status = candidates.isEmpty ? .none : .info("\(candidates.count) matches: \(shown)")
            }
        }
        return []
    }

    static func audioSaved(
        _ state: inout AppState, _ id: RequestID, _ result: Result<String, AppError>
    ) -> [Effect] {
        guard case .playback(.save)? = state.pending.removeValue(forKey: id) else { return [] }
        switch result {
        case .success(let path):
            state.status = .success("Saved to \(TerminalSafe.line(path))")
            return []
        case .failure(let error) where error.kind == .notFound:
            state.status = .info("That message was already deleted; list refreshed")
            return refreshQuietly(&state)
        case .failure(let error):
            state.status = .error(describe(error, doing: "Could not save the audio"))
            return []
        }
    }
}
