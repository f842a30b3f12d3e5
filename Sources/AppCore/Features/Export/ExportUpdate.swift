import DisplayText
import VoicemailModel

/// `e`: ask for a folder (proposing `<downloads>/voicemail-export-YYYY-MM-DD`), then export
/// the tagged messages, else the selected one; the status line counts while it runs.
extension App {
    static func startExport(_ state: inout AppState) -> [Effect] {
        let targets = state.actionTargets
        guard !targets.isEmpty else {
            if state.isLoading { return deferUntilLoaded(&state, .export) }
            state.status = .info("No message selected")
            return []
        }
        state.prompt = .export(ExportPrompt(ids: targets.map(\.id), editor: LineEditor(defaultExportDirectory(state))))
        if case .error = state.status { state.status = .none }
        return []
    }

    static func defaultExportDirectory(_ state: AppState) -> String {
        let c = WallClock(state.now, in: state.config.timeZone)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return directoryWithSlash(state.config.saveDirectory) + "voicemail-export-\(c.year)-\(two(c.month))-\(two(c.day))"
    }

    static func exportPromptLabel(_ prompt: ExportPrompt) -> String {
        "Export \(Plural.messages(prompt.ids.count)) to folder: "
    }

    static func handleExportPromptKey(_ state: inout AppState, _ prompt: ExportPrompt, _ key: Key) -> [Effect] {
        editLine(&state, key, prompt.editor, cancelled: "Nothing exported") { editor in
            .export(ExportPrompt(ids: prompt.ids, editor: editor))
        } submit: { state, text in
            confirmExport(&state, ids: prompt.ids, directory: text)
        }
    }

    static func confirmExport(_ state: inout AppState, ids: [String], directory: String) -> [Effect] {
        guard !directory.isEmpty else {
            state.status = .error("Type the folder to export into")
            return []
        }
        let wanted = Set(ids)
        let messages = state.messages.filter { wanted.contains($0.id) }
        state.prompt = nil
        guard !messages.isEmpty else {
            state.status = .info("Nothing to export: those messages are gone")
            return []
        }
        let id = state.makeRequestID()
        state.pending[id] = .export(total: messages.count)
        state.status = .busy("Exporting \(Plural.messages(messages.count))…")
        return [.export(.export(id, messages: messages, directory: directory))]
    }

    static func exportAnswered(_ state: inout AppState, _ event: ExportEvent) -> [Effect] {
        switch event {
        case .progress(let id, let done, let total):
            guard case .export? = state.pending[id] else { return [] }
            state.status = .busy("Exporting \(done) of \(total)…")
        case .finished(let id, let result):
            guard case .export(let total)? = state.pending.removeValue(forKey: id) else { return [] }
            switch result {
            case .success(let outcome):
                let already = outcome.skipped > 0 ? ", \(outcome.skipped) already there" : ""
                state.status = .success(
                    "Exported \(Plural.messages(outcome.written + outcome.skipped)) to \(TerminalSafe.line(outcome.directory))\(already)")
            case .failure(let error):
                state.status = .error(describe(error, doing: "Export of \(Plural.messages(total)) stopped"))
            }
        }
        return []
    }
}
