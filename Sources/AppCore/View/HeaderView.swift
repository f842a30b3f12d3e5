import DisplayText

/// Row 0: whose mailbox, on which server, and how many unread.
enum HeaderView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ rect: Rect) {
        let style: StyleRole = state.isOwnMailbox ? .header : .headerShared
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        var owner = [state.mailbox, state.mailboxName.map(TerminalSafe.line)]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if owner.isEmpty { owner = "My mailbox" }
        if !state.isOwnMailbox { owner += " — shared" }
        let server = TerminalSafe.line(state.config.server)
        let left = " " + owner + (server.isEmpty ? "" : "  ·  " + server)
        let unread = state.totalUnread
        let right = state.folderCounts.isEmpty ? "" : (unread == 0 ? "no unread " : "\(unread) unread ")
        let rightWidth = DisplayWidth.of(right)
        grid.put(DisplayWidth.truncate(left, to: rect.width - rightWidth - 1), x: rect.x, y: rect.y, style: style)
        grid.put(right, x: rect.x + rect.width - rightWidth, y: rect.y, style: style)
    }
}
