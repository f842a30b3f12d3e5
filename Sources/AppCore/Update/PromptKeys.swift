import SystemBasics
import VoicemailModel

/// Keys while a prompt is open: editing, Enter to confirm (validated), Esc to cancel.
extension App {
    static func handlePromptKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let prompt = state.prompt else { return [] }
        if let effects = handleAudioPromptKey(&state, prompt, key) { return effects }
        switch prompt {
        case .actions(let prompt):
            return handleActionPromptKey(&state, prompt, key)
        case .saveAudio, .uploadGreeting:
            return []  // handled above
        case .copyGreeting(let source, let targets, let editor):
            return handleGreetingCopyKey(&state, source, targets, editor, key)
        case .confirm(let confirmation):
            return handleConfirmKey(&state, confirmation, key)
        case .pin(let mailbox, let editor):
            return handlePINKey(&state, mailbox, editor, key)
        case .filter(let editor):
            return handleFilterKey(&state, editor, key)
        case .export(let prompt):
            return handleExportPromptKey(&state, prompt, key)
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
        case OverlayKeys.cancel:
            state.prompt = nil
            state.status = cancelled.map(StatusLine.info) ?? .none
            return []
        case OverlayKeys.submit:
            return submit(&state, editor.text.trimmingSpaces())
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

