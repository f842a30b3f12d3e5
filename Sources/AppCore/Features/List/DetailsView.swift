import DisplayText
import VoicemailModel

/// Everything about the selected message, then its transcription, word-wrapped.
enum DetailsView {
    static let maxFieldLines = 2

    /// How far J can scroll the selected message's transcription at this size: the lines it
    /// wraps to minus the room the pane leaves it (measured by drawing the pane once, so the
    /// answer always matches what is shown).
    static func maxTranscriptionScroll(_ state: AppState) -> Int {
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        guard let rect = layout.details else { return 0 }
        var scratch = CellGrid(width: state.size.width, height: state.size.height)
        var unscrolled = state
        unscrolled.detailsScroll = nil
        let fit = draw(&scratch, unscrolled, rect, beside: layout.detailsBeside)
        return max(0, fit.lines - fit.room)
    }

    /// Returns how many lines the transcription wraps to and how many the pane had room for.
    @discardableResult
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ rect: Rect, beside: Bool) -> (lines: Int, room: Int) {
        if beside {
            grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .paneTitle)
            grid.put(" Details", x: rect.x, y: rect.y, style: .paneTitle)
        } else {
            grid.put(String(repeating: "─", count: rect.width), x: rect.x, y: rect.y, style: .border)
            grid.put(" Details ", x: rect.x + 1, y: rect.y, style: .paneTitle)
        }
        let x = rect.x + 1
        let width = rect.width - 2
        var y = rect.y + 1
        let bottom = rect.y + rect.height
        guard let message = state.selectedMessage else {
            let note = state.isLoading ? "" : "No message selected"
            grid.put(note, x: x, y: y, style: .dim, maxWidth: width)
            if y + 2 < bottom { drawPlayback(&grid, state, nil, x: x, y: y + 2, width: width) }
            return (0, 0)
        }
        let dates = DateText(now: state.now, timeZone: state.config.timeZone)
        var flags = [message.folder.displayName]
        flags.append(message.read ? "read" : "unread")
        if message.urgent { flags.append("urgent") }
        var fields: [(String, String)] = [
            ("From", CallerText(message).full),
            ("Date", dates.full(message.date)),
            ("Length", "\(DurationText.clock(message.duration)) · \(message.format.rawValue.uppercased()) · "
                + SizeText.bytes(message.size)),
            ("Folder", flags.joined(separator: " · ")),
        ]
        if let subject = message.subject.map(TerminalSafe.line), !subject.isEmpty {
            fields.append(("Subject", subject))
        }
        let labelWidth = 8
        // A value wraps under itself (a long caller id or the date with its zone in a narrow
        // pane) rather than losing its end; the transcription gives up the room.
        for (label, value) in fields where y < bottom {
            grid.put(label, x: x, y: y, style: .detailsLabel)
            let lines = label == "From"
                ? callerLines(message, width: width - labelWidth) : TextWrap.wrap(value, width: width - labelWidth)
            for line in lines.isEmpty ? [""] : lines where y < bottom {
                grid.put(line, x: x + labelWidth, y: y, style: .detailsValue, maxWidth: width - labelWidth)
                y += 1
            }
        }
        if y < bottom, drawPlayback(&grid, state, message, x: x, y: y, width: width) { y += 1 }
        guard let transcription = TranscriptionView.text(state, message).map(TerminalSafe.text), y + 1 < bottom else { return (0, 0) }
        y += 1
        var lines = TextWrap.wrap(transcription, width: width)
        let room = bottom - y
        if lines.count > room {
            // It will be cut: wrap it narrower by the "… " above and the " …" below, so a mark
            // never takes the place of a word at a line's end.
            lines = TextWrap.wrap(transcription, width: max(1, width - (room == 1 ? 4 : 2)))
        }
        let fit = (lines: lines.count, room: room)
        if let scroll = state.detailsScroll, scroll.messageID == message.id, lines.count > room {
            // J/K scrolled it: from that line on, with … where text was skipped above.
            let skipped = min(scroll.lines, lines.count - room)
            lines = Array(lines.dropFirst(skipped))
            if skipped > 0 { lines[0] = DisplayWidth.truncate("… " + lines[0], to: width) }
        }
        if lines.count > room {
            lines = Array(lines.prefix(room))
            // Show that the text goes on rather than cutting it silently.
            lines[room - 1] = DisplayWidth.truncate(lines[room - 1] + " …", to: width)
        }
        for line in lines {
            grid.put(line, x: x, y: y, style: .transcription)
            y += 1
        }
        return fit
    }

    /// The message playing (named when it is not the one shown). True when drawn.
    @discardableResult
    private static func drawPlayback(
        _ grid: inout CellGrid, _ state: AppState, _ shown: VoicemailMessage?, x: Int, y: Int, width: Int
    ) -> Bool {
        guard let playback = state.audio.playback, case .message(let playing, _) = playback.target else { return false }
        let title = playing.id == shown?.id ? nil : CallerText(playing).columns
        PlaybackBar.draw(&grid, playback, x: x, y: y, width: width, title: title, speed: state.audio.speed)
        return true
    }

    /// The caller id wrapped, its name two lines at most (a 2,000-character name must not take
    /// the pane; "…" shows it goes on), the number always shown after it.
    static func callerLines(_ message: VoicemailMessage, width: Int) -> [String] {
        let caller = CallerText(message)
        guard !caller.name.isEmpty, !caller.number.isEmpty else { return TextWrap.wrap(caller.full, width: width) }
        var nameLines = TextWrap.wrap(caller.name, width: width)
        if nameLines.count > maxFieldLines {
            nameLines = Array(nameLines.prefix(maxFieldLines))
            nameLines[maxFieldLines - 1] = DisplayWidth.truncate(nameLines[maxFieldLines - 1] + " …", to: width)
        }
        let last = nameLines.removeLast()
        return nameLines + TextWrap.wrap("\(last) <\(caller.number)>", width: width)
    }
}
