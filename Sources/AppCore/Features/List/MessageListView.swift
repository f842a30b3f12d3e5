import DisplayText
import VoicemailModel

/// The open folder's messages: a title with the position, then one row per visible message.
/// Only the rows on screen are formatted, so the cost does not grow with the folder.
enum MessageListView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ rect: Rect) {
        drawTitle(&grid, state, rect)
        let rows = rect.height - 1
        guard rows > 0 else { return }
        let count = state.visibleCount
        if count == 0, !state.isLoading, let failure = state.loadFailure {
            drawFailure(&grid, state, failure, rect)
            return
        }
        if count == 0 {
            let note: String
            if state.isLoading {
                note = "Loading…"
            } else if !state.filter.isEmpty {
                note = "No messages match \"\(TerminalSafe.line(state.filter))\""
            } else {
                note = "No messages in \(state.folder.displayName)"
            }
            grid.put("  " + note, x: rect.x, y: rect.y + 1, style: .dim, maxWidth: rect.width)
            return
        }
        // Clamp here too: the terminal may have been resized since update last ran.
        var first = max(0, min(state.scroll, count - rows))
        if state.selection < first { first = state.selection }
        if state.selection >= first + rows { first = state.selection - rows + 1 }
        let dates = DateText(now: state.now, timeZone: state.config.timeZone)
        for offset in 0..<rows {
            let row = first + offset
            guard row < count else { break }
            drawRow(&grid, state, state.visibleMessage(at: row), selected: row == state.selection,
                    x: rect.x, y: rect.y + 1 + offset, width: rect.width, dates: dates)
        }
    }

    /// A failed load says, in the pane itself, what failed and what to do about it.
    private static func drawFailure(_ grid: inout CellGrid, _ state: AppState, _ failure: AppError, _ rect: Rect) {
        let retry = state.config.keyBindings.label(.refresh)
        let lines = [ "Could not load \(state.folder.displayName).", "" ]
            + TextWrap.wrap(LoadFailureText.advice(failure, retryKey: retry), width: max(1, rect.width - 4))
            + [""] + TextWrap.wrap(TerminalSafe.line(failure.message), width: max(1, rect.width - 4))
        for (index, line) in lines.prefix(rect.height - 1).enumerated() {
            let style: StyleRole = index == 0 ? .statusError : .dim
            grid.put("  " + line, x: rect.x, y: rect.y + 1 + index, style: style, maxWidth: rect.width)
        }
    }

    private static func drawTitle(_ grid: inout CellGrid, _ state: AppState, _ rect: Rect) {
        let style: StyleRole = state.focus == .list ? .paneTitleFocused : .paneTitle
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: style)
        var counts = ""
        if state.isLoading {
            counts += "  loading…"
        } else if state.visibleCount > 0 {
            // The folder's total from its first page on, while the rest is still arriving.
            let total = state.filter.isEmpty ? max(state.visibleCount, state.expectedTotal ?? 0) : state.visibleCount
            counts += "  \(state.selection + 1) of \(total)"
        } else {
            counts += "  0 of 0"
        }
        if !state.filter.isEmpty {
            counts += "  filter: \(TerminalSafe.line(state.filter)) (\(state.messages.count) in folder)"
        }
        if !state.tagged.isEmpty { counts += "  \(state.tagged.count) tagged" }
        let end = grid.put(" " + state.folder.displayName, x: rect.x, y: rect.y, style: style, maxWidth: rect.width)
        // The position changes with every move: in a plain style (the details pane's, in the
        // shipped themes) redrawing it and the details costs the terminal no attribute switch.
        grid.put(counts, x: end, y: rect.y, style: .paneTitleCount, maxWidth: rect.x + rect.width - end)
    }

    /// `*●! 09:15      Bob Nguyen  102            Fwd:  0:42`
    private static func drawRow(
        _ grid: inout CellGrid, _ state: AppState, _ message: VoicemailMessage, selected: Bool,
        x: Int, y: Int, width: Int, dates: DateText
    ) {
        let tagged = state.tagged.contains(message.id)
        let base: StyleRole = selected
            ? (message.read ? .listSelected : .listSelectedUnread)
            : tagged ? .listTagged : !message.read ? .listUnread : .list
        grid.fill(x: x, y: y, width: width, height: 1, style: base)
        let accent = { (style: StyleRole) in selected ? base : style }
        grid.put(tagged ? "*" : " ", x: x, y: y, style: base)
        if !message.read { grid.put("●", x: x + 1, y: y, style: accent(.listUnread)) }
        if message.urgent { grid.put("!", x: x + 2, y: y, style: accent(.urgent)) }
        grid.put(DisplayWidth.fit(dates.short(message.date), to: 10), x: x + 4, y: y, style: base)
        let durationText = DurationText.clock(message.duration)
        let tail = 6  // " 12:34" right-aligned, one space of margin
        let fwdWidth = message.isForwarded ? 5 : 0
        let callerX = x + 15
        let callerWidth = width - 15 - fwdWidth - tail - 1
        grid.put(DisplayWidth.truncate(CallerText(message).columns, to: callerWidth), x: callerX, y: y, style: base)
        if message.isForwarded {
            grid.put("Fwd:", x: x + width - tail - fwdWidth, y: y, style: accent(.forwarded))
        }
        grid.put(DisplayWidth.fit(durationText, to: 5, alignRight: true), x: x + width - tail, y: y, style: base)
    }
}
