import DisplayText

/// Puts the parts of the screen together.
enum Screen {
    static func render(_ state: AppState, size: TerminalSize) -> Frame {
        var grid = CellGrid(width: size.width, height: size.height)
        let layout = Layout(size: size, detailsToggled: state.detailsToggled)
        if layout.tooSmall {
            drawTooSmall(&grid, size)
            return Frame(grid: grid)
        }
        HeaderView.draw(&grid, state, layout.header)
        // The greetings screen and the overview replace the panes rather than covering them.
        let body = Rect(x: 0, y: layout.header.y + 1, width: size.width, height: layout.status.y - layout.header.y - 1)
        if let greetings = state.greetings {
            GreetingsView.draw(&grid, state, greetings, body)
        } else if let overview = state.overview {
            OverviewView.draw(&grid, state, overview, body)
        } else {
            FolderPaneView.draw(&grid, state, layout)
            drawSeparators(&grid, layout)
            if let list = layout.list { MessageListView.draw(&grid, state, list) }
            if let details = layout.details { DetailsView.draw(&grid, state, details, beside: layout.detailsBeside) }
        }
        let promptCursor = StatusView.draw(&grid, state, layout)
        var cursor = promptCursor
        // Bottom to top: what lies highest draws last and owns the cursor.
        for overlay in state.presented.reversed() {
            switch overlay {
            case .help(let scroll):
                HelpView.draw(&grid, state, scroll: scroll)
                cursor = nil
            case .picker(let picker):
                cursor = MailboxPickerView.draw(&grid, state, picker)
            case .prompt:
                cursor = promptCursor
            case .greetings, .overview:
                break
            }
        }
        return Frame(grid: grid, cursor: cursor)
    }

    private static func drawSeparators(_ grid: inout CellGrid, _ layout: Layout) {
        let x = layout.folders.x + layout.folders.width
        for y in layout.folders.y..<(layout.folders.y + layout.folders.height) {
            grid.put("│", x: x, y: y, style: .border)
        }
        if layout.detailsBeside, let details = layout.details {
            for y in details.y..<(details.y + details.height) {
                grid.put("│", x: details.x - 1, y: y, style: .border)
            }
        }
    }

    /// One line when it fits; else "Terminal too small", "need WxH", "have WxH" each on a
    /// line of its own (never a size split across lines), as many as the height allows.
    private static func drawTooSmall(_ grid: inout CellGrid, _ size: TerminalSize) {
        let need = "need \(Layout.minimumWidth)x\(Layout.minimumHeight)"
        let have = "have \(size.width)x\(size.height)"
        let whole = "Terminal too small (\(need), \(have))"
        let parts = DisplayWidth.of(whole) <= size.width ? [whole] : ["Terminal too small", need, have]
        let lines = Array(parts.flatMap { TextWrap.wrap($0, width: size.width) }.prefix(max(0, size.height)))
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let x = max(0, (size.width - DisplayWidth.of(line)) / 2)
            grid.put(line, x: x, y: top + index, style: .statusError)
        }
    }
}
