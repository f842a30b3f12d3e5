/// The live filter: the list follows every keystroke; Esc clears it, Enter keeps it.
extension App {
    static func handleFilterKey(_ state: inout AppState, _ editor: LineEditor, _ key: Key) -> [Effect] {
        var editor = editor
        switch key {
        case OverlayKeys.cancel:
            state.prompt = nil
            state.setFilter("")
        case OverlayKeys.submit:
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
