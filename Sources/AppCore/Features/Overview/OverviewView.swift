import DisplayText
import FoundationEssentials
import VoicemailBackend

/// The overview: one row per mailbox, the ones needing attention first; full and nearly full
/// ones in the warning style, the waiting time of the oldest new message beside the unread.
enum OverviewView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ overview: OverviewScreen, _ rect: Rect) {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: .normal)
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .paneTitleFocused)
        var title = " Overview of every mailbox you may open"
        if let rows = overview.rows {
            title += "  " + Plural.count(rows.count, "mailbox", plural: "mailboxes")
        }
        if state.overviewRequest != nil { title += "  reading…" }
        grid.put(title, x: rect.x, y: rect.y, style: .paneTitleFocused, maxWidth: rect.width)
        let x = rect.x + 1
        let width = rect.width - 2
        let bottom = rect.y + rect.height
        var y = rect.y + 2
        guard y < bottom else { return }
        let widths = columnWidths(width)
        drawRow(&grid, ["Mailbox", "Name", "Unread", "Waiting", "Messages", "Newest"], x: x, y: y, widths: widths, style: .detailsLabel)
        y += 1
        guard let rows = overview.rows else { return }
        let dates = DateText(now: state.now, timeZone: state.config.timeZone)
        for index in rows.indices.dropFirst(overview.scroll) where y < bottom {
            let row = rows[index]
            let selected = index == overview.selection
            let warn = (row.gauge?.level ?? .fine) != .fine
            let style: StyleRole = selected ? .listSelected : (warn ? .urgent : (row.unread > 0 ? .listUnread : .list))
            grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: style)
            drawRow(&grid, cells(row, now: state.now, dates: dates), x: x, y: y, widths: widths, style: style)
            y += 1
        }
    }

    static func cells(_ row: MailboxOverviewRow, now: Date, dates: DateText) -> [String] {
        var messages = row.gauge.map { $0.text } ?? "\(row.total)"
        switch row.gauge?.level {
        case .full: messages += " FULL"
        case .nearlyFull: messages += " nearly full"
        default: break
        }
        let newest = row.newest.map { dates.short($0) + "  " + TerminalSafe.line(row.newestCaller ?? "") }
            ?? row.detailsMissing.map(TerminalSafe.line) ?? ""
        return [
            TerminalSafe.line(row.mailbox, maxLength: 20), TerminalSafe.line(row.name, maxLength: 60), "\(row.unread)",
            row.oldestUnread.map { DurationText.age(Int(now.timeIntervalSince($0))) } ?? "", messages, newest,
        ]
    }

    private static func columnWidths(_ width: Int) -> [Int] {
        let fixed = [9, 0, 7, 8, 22]
        let rest = max(0, width - fixed.reduce(0, +))
        let name = min(24, rest / 2)
        return [9, name, 7, 8, 22, max(0, rest - name)]
    }

    private static func drawRow(_ grid: inout CellGrid, _ cells: [String], x: Int, y: Int, widths: [Int], style: StyleRole) {
        var column = x
        for (cell, width) in zip(cells, widths) where width > 0 {
            grid.put(DisplayWidth.truncate(cell, to: width - 1), x: column, y: y, style: style)
            column += width
        }
    }
}
