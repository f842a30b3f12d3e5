import VoicemailModel

/// Keys while a prompt is open: editing, Enter to confirm (validated), Esc to cancel.
extension App {
    static func handlePromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        if let effects = handleAudioPromptKey(&state, prompt, key) { return effects }
        switch prompt {
        case .saveAudio, .uploadGreeting, .resetGreeting:
            return []  // handled above
        case .delete(let ids):
            state.prompt = nil
            if key == .character("y") || key == .character("Y") {
                let present = present(state, ids).map(\.id)
                guard !present.isEmpty else {
                    state.status = .info("Nothing to delete: already gone")
                    return []
                }
                return [startDelete(&state, present)]
            }
            state.status = .info("Not deleted")
            return []

        case .move(let ids, let editor):
            return editLine(&state, key, editor, reopen: { .move(ids: ids, editor: $0) }) { state, text in
                guard let folder = Folder(userInput: text) else {
                    state.status = .error(
                        text.isEmpty ? "Type a folder: 0–4 or a name" : "No folder \"\(text)\": type 0–4 or a name")
                    return []
                }
                state.prompt = nil
                let targets = present(state, ids).filter { $0.folder != folder }
                guard !targets.isEmpty else {
                    state.status = .info("Already in \(folder.displayName)")
                    return []
                }
                // In someone else's mailbox a move is confirmed, naming the owner.
                if ownerPhrase(state) != nil {
                    state.prompt = .confirmMove(ids: targets.map(\.id), to: folder)
                    return []
                }
                return [startUpdate(&state, .move(folder), targets)]
            }

        case .forward(let ids, let editor):
            return editLine(&state, key, editor, reopen: { .forward(ids: ids, editor: $0) }) { state, text in
                guard let extensions = Extensions.parse(text) else {
                    state.status = .error(
                        text.isEmpty
                            ? "Type one or more extensions, like 102*103"
                            : "Not a list of extensions: \"\(TerminalSafe.line(text))\" (digits, separated by * , or space)")
                    return []
                }
                state.prompt = nil
                let present = present(state, ids).map(\.id)
                guard !present.isEmpty else {
                    state.status = .info("Nothing to forward: already gone")
                    return []
                }
                return [startForward(&state, present, to: extensions)]
            }

        case .pin(let mailbox, let editor):
            return handlePINKey(&state, mailbox, editor, key)

        case .confirmMove(let ids, let folder):
            state.prompt = nil
            guard key == .character("y") || key == .character("Y") else {
                state.status = .info("Not moved")
                return []
            }
            let targets = present(state, ids).filter { $0.folder != folder }
            guard !targets.isEmpty else {
                state.status = .info("Nothing to move: already gone")
                return []
            }
            return [startUpdate(&state, .move(folder), targets)]

        case .filter(var editor):
            switch key {
            case .escape:
                state.prompt = nil
                state.setFilter("")
            case .enter:
                state.prompt = nil
            default:
                if editor.handle(key) {
                    state.prompt = .filter(editor: editor)
                    state.setFilter(editor.text)
                }
            }
            keepSelectionVisible(&state)
            return []
        }
    }

    /// The shared shape of a one-line text prompt: Esc closes it (saying `cancelled`, if
    /// anything), Enter hands the trimmed text to `submit` (which validates, closes the prompt
    /// or leaves it open with an error), and other keys edit the line and clear that error.
    static func editLine(
        _ state: inout AppState, _ key: Key, _ editor: LineEditor, cancelled: String? = nil,
        reopen: (LineEditor) -> Prompt, submit: (inout AppState, String) -> [Effect]
    ) -> [Effect] {
        switch key {
        case .escape:
            state.prompt = nil
            state.status = cancelled.map(StatusLine.info) ?? .none
            return []
        case .enter:
            return submit(&state, editor.text.trimmingCharacters(in: .whitespaces))
        default:
            var editor = editor
            if editor.handle(key) {
                state.prompt = reopen(editor)
                if case .error = state.status { state.status = .none }
            }
            return []
        }
    }
}

import Foundation
