import VoicemailModel

/// Everything about the selected message, then its transcription, word-wrapped.
enum DetailsView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ rect: Rect, beside: Bool) {
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
            return
        }
        let dates = DateText(now: state.now, timeZone: state.config.timeZone)
        var flags = [message.folder.displayName]
        flags.append(message.read ? "read" : "unread")
        if message.urgent { flags.append("urgent") }
        var fields: [(String, String)] = [
            ("From", callerID(message)),
            ("Date", dates.full(message.date)),
            ("Length", "\(Formatting.duration(message.duration)) · \(message.format.rawValue.uppercased()) · "
                + Formatting.size(message.size)),
            ("Folder", flags.joined(separator: " · ")),
        ]
        if let subject = message.subject.map(TerminalSafe.line), !subject.isEmpty {
            fields.append(("Subject", subject))
        }
        let labelWidth = 8
        for (label, value) in fields where y < bottom {
            grid.put(label, x: x, y: y, style: .detailsLabel)
            grid.put(DisplayWidth.truncate(value, to: width - labelWidth), x: x + labelWidth, y: y,
                     style: .detailsValue)
            y += 1
        }
        guard let transcription = message.transcription.map(TerminalSafe.text), y + 1 < bottom else { return }
        y += 1
        var lines = TextWrap.wrap(transcription, width: width)
        let room = bottom - y
        if lines.count > room {
            lines = Array(lines.prefix(room))
            // Show that the text goes on rather than cutting it silently.
            lines[room - 1] = DisplayWidth.truncate(lines[room - 1] + " …", to: width)
        }
        for line in lines {
            grid.put(line, x: x, y: y, style: .transcription)
            y += 1
        }
    }

    /// "Bob Nguyen <102>", sanitised.
    static func callerID(_ message: VoicemailMessage) -> String {
        let name = TerminalSafe.line(message.callerName ?? "")
        let number = TerminalSafe.line(message.callerNumber)
        if name.isEmpty { return number.isEmpty ? "Unknown caller" : number }
        return number.isEmpty ? name : "\(name) <\(number)>"
    }
}
