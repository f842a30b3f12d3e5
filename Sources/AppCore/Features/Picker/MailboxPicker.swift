import SystemBasics
import DisplayText
import VoicemailModel

/// The mailbox picker (`o`): type to filter by extension or owner, arrows to choose, Enter to
/// open. An extension typed in full opens even when it is not listed: the PBX decides.
extension App {
    static func openPicker(_ state: inout AppState) -> [Effect] {
        state.picker = MailboxPicker()
        selectBestPickerRow(&state)
        if case .error = state.status { state.status = .none }
        // Fresh badges; conditional, so it costs a 304 when nothing changed.
        guard !state.mailboxesUnsupported, state.mailboxesRequest == nil else { return [] }
        return [loadMailboxes(&state)]
    }

    /// The picker's rows for its current filter: listed mailboxes whose extension or owner
    /// contains the text, then the typed extension itself when it is not listed.
    public static func pickerRows(_ state: AppState) -> [PickerRow] {
        let typed = pickerText(state)
        let needle = typed.lowercased()
        var rows = state.sharing.mailboxes
            .filter {
                needle.isEmpty || $0.mailbox.contains(needle) || TerminalSafe.line($0.name).lowercased().contains(needle)
            }
            .map(PickerRow.mailbox)
        if Extensions.isValid(typed), !state.sharing.mailboxes.contains(where: { $0.mailbox == typed }) {
            rows.append(.typed(typed))
        }
        return rows
    }

    /// The filter text, with the phone's "81*" prefix dropped ("81*102" opens 102).
    static func pickerText(_ state: AppState) -> String {
        let text = (state.picker?.editor.text ?? "").trimmingSpaces()
        if text.hasPrefix("81*"), Extensions.isValid(String(text.dropFirst(3))) { return String(text.dropFirst(3)) }
        return text
    }

    static func handlePickerKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var picker = state.picker else { return [] }
        let rows = pickerRows(state)
        switch key {
        case OverlayKeys.cancel:
            state.picker = nil
            return []
        case OverlayKeys.submit:
            guard picker.selection >= 0, picker.selection < rows.count else {
                let text = pickerText(state)
                state.status = .error(
                    text.isEmpty
                        ? "No mailbox to open: type an extension"
                        : "No mailbox matches \"\(TerminalSafe.line(text))\": type an extension (digits)")
                return []
            }
            state.picker = nil
            return requestMailbox(&state, rows[picker.selection].mailbox)
        case .down, .control("n"):
            picker.selection = min(picker.selection + 1, rows.count - 1)
        case .up, .control("p"):
            picker.selection = max(0, picker.selection - 1)
        case .pageDown:
            picker.selection = min(picker.selection + pickerPageRows(state), rows.count - 1)
        case .pageUp:
            picker.selection = max(0, picker.selection - pickerPageRows(state))
        case .home where picker.editor.text.isEmpty:
            picker.selection = 0
        case .end where picker.editor.text.isEmpty:
            picker.selection = rows.count - 1
        default:
            guard picker.editor.handle(key) else { return [] }
            state.picker = picker
            if case .error = state.status { state.status = .none }
            selectBestPickerRow(&state)
            return []
        }
        picker.selection = max(0, picker.selection)
        state.picker = picker
        keepPickerSelectionVisible(&state)
        return []
    }

    /// After typing: the exact extension if listed, else the first match.
    static func selectBestPickerRow(_ state: inout AppState) {
        let rows = pickerRows(state)
        let typed = pickerText(state)
        state.picker?.selection = rows.firstIndex(where: { $0.mailbox == typed }) ?? 0
        state.picker?.scroll = 0
        keepPickerSelectionVisible(&state)
    }

    static func keepPickerSelectionVisible(_ state: inout AppState) {
        guard var picker = state.picker else { return }
        let rows = pickerPageRows(state)
        if picker.selection < picker.scroll { picker.scroll = picker.selection }
        if picker.selection >= picker.scroll + rows { picker.scroll = picker.selection - rows + 1 }
        picker.scroll = max(0, picker.scroll)
        state.picker = picker
    }

    static func pickerPageRows(_ state: AppState) -> Int {
        MailboxPickerLayout(size: state.size, mailboxes: state.sharing.mailboxes.count).listRows
    }
}
