import DisplayText
import VoicemailModel

/// Where the picker's box and rows go for a terminal size (shared by view and update).
struct MailboxPickerLayout {
    let box: Rect
    /// Row of the filter field, first list row, and how many list rows fit.
    let inputY: Int
    let listY: Int
    let listRows: Int

    /// `mailboxes`: how many are listed; the box fits them (plus a typed extension) and
    /// keeps its size while the filter narrows the list.
    init(size: TerminalSize, mailboxes: Int) {
        let width = max(20, min(size.width - 4, 66))
        let height = max(7, min(size.height - 2, mailboxes + 1 + 5))
        box = Rect(x: max(0, (size.width - width) / 2), y: max(0, (size.height - height) / 2), width: width, height: height)
        inputY = box.y + 1
        listY = box.y + 3
        // Box: border, input, rule, rows…, hint line, border.
        listRows = max(1, height - 5)
    }
}

/// `o`: the mailboxes the user may open, with owners and unread badges, and a filter field.
enum MailboxPickerView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ picker: MailboxPicker) -> CursorPosition? {
        let layout = MailboxPickerLayout(
            size: TerminalSize(width: grid.width, height: grid.height), mailboxes: state.sharing.mailboxes.count)
        let box = layout.box
        let inner = box.width - 4
        grid.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: .overlay)
        let horizontal = String(repeating: "─", count: box.width - 2)
        grid.put("┌" + horizontal + "┐", x: box.x, y: box.y, style: .overlay)
        grid.put("├" + horizontal + "┤", x: box.x, y: box.y + 2, style: .overlay)
        grid.put("└" + horizontal + "┘", x: box.x, y: box.y + box.height - 1, style: .overlay)
        for y in (box.y + 1)..<(box.y + box.height - 1) where y != box.y + 2 {
            grid.put("│", x: box.x, y: y, style: .overlay)
            grid.put("│", x: box.x + box.width - 1, y: y, style: .overlay)
        }
        grid.put(" Open a mailbox ", x: box.x + 2, y: box.y, style: .overlayTitle)

        // The filter field, scrolled so the cursor stays in view.
        let label = "Mailbox: "
        let labelWidth = DisplayWidth.of(label)
        grid.put(label, x: box.x + 2, y: layout.inputY, style: .overlayTitle)
        let room = max(1, inner - labelWidth - 1)
        var characters = picker.editor.characters
        var cursorColumn = picker.editor.cursorColumn
        while cursorColumn >= room, !characters.isEmpty {
            cursorColumn -= DisplayWidth.of(characters.removeFirst())
        }
        grid.put(TerminalSafe.line(String(characters)), x: box.x + 2 + labelWidth, y: layout.inputY, style: .overlay,
                 maxWidth: room)

        let rows = App.pickerRows(state)
        if rows.isEmpty {
            let text = state.sharing.mailboxes.isEmpty && App.pickerText(state).isEmpty
                ? "Type an extension to open its mailbox"
                : "No mailbox matches; type an extension (digits)"
            grid.put(DisplayWidth.truncate(text, to: inner), x: box.x + 2, y: layout.listY, style: .dim)
        }
        let scroll = min(picker.scroll, max(0, rows.count - layout.listRows))
        for offset in 0..<layout.listRows {
            let index = scroll + offset
            guard index < rows.count else { break }
            drawRow(&grid, state, rows[index], selected: index == picker.selection,
                    x: box.x + 1, y: layout.listY + offset, width: box.width - 2)
        }
        if scroll + layout.listRows < rows.count {
            grid.put(" ↓ more ", x: box.x + box.width - 10, y: box.y + box.height - 1, style: .overlayTitle)
        }
        let hint = "Enter open  ·  Esc close  ·  type to filter"
        grid.put(DisplayWidth.truncate(hint, to: inner), x: box.x + 2, y: box.y + box.height - 2, style: .dim)
        return CursorPosition(x: box.x + 2 + labelWidth + cursorColumn, y: layout.inputY)
    }

    /// " 102  Bob Nguyen            PIN  3 unread" (the own mailbox marked "yours").
    private static func drawRow(
        _ grid: inout CellGrid, _ state: AppState, _ row: PickerRow, selected: Bool, x: Int, y: Int, width: Int
    ) {
        let base: StyleRole = selected ? .listSelected : .overlay
        grid.fill(x: x, y: y, width: width, height: 1, style: base)
        switch row {
        case .typed(let ext):
            grid.put(DisplayWidth.truncate(" Open mailbox \(ext) (not in your list)", to: width - 1), x: x, y: y,
                     style: base)
        case .mailbox(let summary):
            var right = summary.unread == 0 ? "" : "\(summary.unread) unread"
            let marks = [summary.own ? "yours" : nil, summary.pinRequired ? "PIN" : nil,
                         summary.mailbox == state.mailbox ? "open" : nil].compactMap { $0 }
            if !marks.isEmpty { right = marks.joined(separator: " ") + (right.isEmpty ? "" : "  " + right) }
            let rightText = right.isEmpty ? "" : right + " "
            let rightWidth = DisplayWidth.of(rightText)
            let ext = " " + TerminalSafe.line(summary.mailbox)
            let extWidth = max(7, DisplayWidth.of(ext) + 2)
            grid.put(DisplayWidth.truncate(ext, to: extWidth), x: x, y: y, style: base)
            let nameRoom = max(0, width - extWidth - rightWidth - 1)
            grid.put(DisplayWidth.truncate(TerminalSafe.line(summary.name), to: nameRoom), x: x + extWidth, y: y,
                     style: base)
            if summary.unread > 0, !selected {
                let badge = "\(summary.unread) unread "
                grid.put(rightText, x: x + width - rightWidth, y: y, style: base)
                grid.put(badge, x: x + width - DisplayWidth.of(badge), y: y, style: .badge)
            } else {
                grid.put(rightText, x: x + width - rightWidth, y: y, style: base)
            }
        }
    }
}
