import DisplayText

/// `?`: every binding from the binding table with the keys in force, in a box.
enum HelpView {
    struct Entry {
        var keys: String
        var summary: String
    }

    /// The binding table as the user has it; what the backend cannot do is left out, and so
    /// is every key of a screen it cannot open (no greetings: no "Greetings: back").
    static func entries(_ state: AppState) -> [Entry] {
        let bindings = state.config.keyBindings
        let shown = BindingTable.all.filter { binding in
            state.offers(binding.action) && (binding.context != .greetings || state.offers(.greetings))
        }
        var list = shown.map { binding in
            let keys = bindings.keys(for: binding.action).map(KeySpec.display)
            return Entry(keys: keys.isEmpty ? "(unbound)" : keys.joined(separator: " "), summary: binding.help)
        }
        list += OverlayKeys.reference.map { Entry(keys: $0.label, summary: $0.help) }
        return list
    }

    static func draw(_ grid: inout CellGrid, _ state: AppState, scroll: Int) {
        let all = entries(state)
        let keyWidth = min(14, all.map { DisplayWidth.of($0.keys) }.max() ?? 0)
        let summaryWidth = all.map { DisplayWidth.of($0.summary) }.max() ?? 0
        let entryWidth = keyWidth + 2 + summaryWidth
        let maxInnerWidth = grid.width - 4
        let maxInnerHeight = grid.height - 4
        let columns = max(1, min(2, (maxInnerWidth + 3) / (entryWidth + 3)))
        let rowsNeeded = (all.count + columns - 1) / columns
        let innerHeight = min(rowsNeeded, maxInnerHeight)
        let innerWidth = min(maxInnerWidth, columns * entryWidth + (columns - 1) * 3)
        let boxWidth = innerWidth + 4
        let boxHeight = innerHeight + 2
        let left = (grid.width - boxWidth) / 2
        let top = (grid.height - boxHeight) / 2
        let maxScroll = max(0, rowsNeeded - innerHeight)
        let scroll = min(scroll, maxScroll)

        grid.fill(x: left, y: top, width: boxWidth, height: boxHeight, style: .overlay)
        let horizontal = String(repeating: "─", count: boxWidth - 2)
        grid.put("┌" + horizontal + "┐", x: left, y: top, style: .overlay)
        grid.put("└" + horizontal + "┘", x: left, y: top + boxHeight - 1, style: .overlay)
        for y in (top + 1)..<(top + boxHeight - 1) {
            grid.put("│", x: left, y: y, style: .overlay)
            grid.put("│", x: left + boxWidth - 1, y: y, style: .overlay)
        }
        grid.put(" Keys ", x: left + 2, y: top, style: .overlayTitle)
        if maxScroll > 0 {
            let more = scroll < maxScroll ? " ↓ more " : " ↑ "
            grid.put(more, x: left + boxWidth - 2 - DisplayWidth.of(more), y: top + boxHeight - 1, style: .overlayTitle)
        }
        let columnWidth = columns == 1 ? innerWidth : entryWidth
        for row in 0..<innerHeight {
            for column in 0..<columns {
                let index = column * rowsNeeded + row + scroll
                guard index < all.count, row + scroll < rowsNeeded else { continue }
                let entry = all[index]
                let x = left + 2 + column * (entryWidth + 3)
                let y = top + 1 + row
                grid.put(DisplayWidth.truncate(entry.keys, to: keyWidth), x: x, y: y, style: .footerKey)
                grid.put(DisplayWidth.truncate(entry.summary, to: columnWidth - keyWidth - 2),
                         x: x + keyWidth + 2, y: y, style: .overlay)
            }
        }
    }
}
