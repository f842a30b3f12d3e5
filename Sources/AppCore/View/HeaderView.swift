import DisplayText
import VoicemailModel

/// Row 0: whose mailbox, on which server, how many unread and, where the backend knows the
/// limit, how full it is (a warning style from 90 %, said plainly when callers are refused).
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
        let unreadText = state.folderCounts.isEmpty ? "" : (unread == 0 ? "no unread " : "\(unread) unread ")
        let gauge = capacity(state)
        let gaugeText = gauge.map { $0.sentence + "  ·  " } ?? ""
        let unreadWidth = DisplayWidth.of(unreadText)
        let gaugeWidth = DisplayWidth.of(gaugeText)
        let rightWidth = unreadWidth + gaugeWidth
        grid.put(DisplayWidth.truncate(left, to: rect.width - rightWidth - 1), x: rect.x, y: rect.y, style: style)
        let gaugeStyle: StyleRole = (gauge?.level ?? .fine) == .fine ? style : .headerWarning
        grid.put(gaugeText, x: rect.x + rect.width - rightWidth, y: rect.y, style: gaugeStyle)
        grid.put(unreadText, x: rect.x + rect.width - unreadWidth, y: rect.y, style: style)
    }

    /// The open mailbox's gauge, with the counts kept in step since its summary arrived.
    static func capacity(_ state: AppState) -> CapacityGauge? {
        guard !state.folderCounts.isEmpty, let mailbox = state.mailbox,
            let summary = state.sharing.mailboxes.first(where: { $0.mailbox == mailbox })
        else { return nil }
        return CapacityGauge(summary, counts: Array(state.folderCounts.values))
    }
}
