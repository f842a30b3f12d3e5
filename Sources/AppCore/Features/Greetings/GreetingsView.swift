import DisplayText
#if canImport(Glibc)
import Glibc  // log10 for the level meter
#elseif canImport(Darwin)
import Darwin
#endif
import VoicemailModel

/// The greetings screen: a table of the greetings the PBX has, what the selected one is for, and
/// the recording, upload or playback under way.
enum GreetingsView {
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ greetings: GreetingsState, _ rect: Rect) {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: .normal)
        var owner = [greetings.mailbox, state.mailboxName.map(TerminalSafe.line)]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if owner.isEmpty { owner = "your mailbox" }
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .paneTitleFocused)
        var title = " Greetings of \(owner)"
        if greetings.isLoading { title += "  loading…" }
        grid.put(title, x: rect.x, y: rect.y, style: .paneTitleFocused, maxWidth: rect.width)

        let x = rect.x + 1
        let width = rect.width - 2
        let bottom = rect.y + rect.height
        var y = rect.y + 2
        let columns = Columns(width: width)
        guard y < bottom else { return }
        drawRow(&grid, columns.header, x: x, y: y, widths: columns.widths, style: .detailsLabel)
        y += 1
        let dates = DateText(now: state.now, timeZone: state.config.timeZone)
        for (index, greeting) in greetings.items.enumerated() where y < bottom {
            let selected = index == greetings.selection
            let style: StyleRole = selected ? .listSelected : .list
            grid.fill(x: rect.x, y: y, width: rect.width, height: 1, style: style)
            drawRow(&grid, cells(greeting, loaded: greetings.loaded, overridden: overridden(greetings, greeting.type), dates: dates), x: x, y: y,
                    widths: columns.widths, style: style)
            y += 1
        }
        y += 1
        guard y < bottom else { return }
        let selected = greetings.selected
        for line in TextWrap.wrap(purpose(selected.type), width: width) where y < bottom {
            grid.put(line, x: x, y: y, style: .dim)
            y += 1
        }
        if let note = overrideNote(greetings, selected.type) {
            for line in TextWrap.wrap(note, width: width) where y < bottom {
                grid.put(line, x: x, y: y, style: .detailsValue)
                y += 1
            }
        }
        y += 1
        guard y < bottom else { return }
        if let activity = greetings.activity {
            drawActivity(&grid, activity, x: x, y: y, width: width)
        } else if let playback = state.audio.playback, let type = playback.target.greetingType {
            PlaybackBar.draw(&grid, playback, x: x, y: y, width: width, title: type.displayName, speed: state.audio.speed)
        }
    }

    /// Unavailable and busy while a temporary greeting is recorded: callers do not hear them.
    static func overridden(_ greetings: GreetingsState, _ type: GreetingType) -> Bool {
        (type == .unavailable || type == .busy) && greetings.items.contains { $0.type == .temporary && $0.present }
    }

    private struct Columns {
        var widths: [Int]
        let header = ["Greeting", "Recording", "Length", "Format", "Size", "Updated"]

        init(width: Int) {
            // Name, state, length, format, size ("1023 KiB" and a gap); "Updated" takes the rest.
            let fixed = [12, 12, 7, 7, 9]
            widths = fixed + [max(0, width - fixed.reduce(0, +))]
        }
    }

    /// What callers hear instead, when the temporary greeting overrides the selected one (or
    /// is the selected one and recorded).
    static func overrideNote(_ greetings: GreetingsState, _ type: GreetingType) -> String? {
        guard greetings.loaded, greetings.items.contains(where: { $0.type == .temporary && $0.present }) else { return nil }
        switch type {
        case .unavailable, .busy: return "Callers hear the Temporary greeting instead of this one while it exists."
        case .temporary: return "Recorded: callers hear it now instead of Unavailable and Busy."
        case .name: return nil
        }
    }

    private static func cells(_ greeting: GreetingInfo, loaded: Bool, overridden: Bool, dates: DateText) -> [String] {
        guard loaded else { return [greeting.type.displayName, "…", "", "", "", ""] }
        guard greeting.present else {
            // No temporary greeting means none overrides the others, not a default one.
            let state = overridden ? "(temporary)" : greeting.type == .temporary ? "not in use" : "PBX default"
            return [greeting.type.displayName, state, "—", "—", "—", "—"]
        }
        return [
            greeting.type.displayName, overridden ? "(temporary)" : greeting.type == .temporary ? "in use" : "recorded",
            greeting.duration.map(DurationText.clock) ?? "?",
            greeting.format?.rawValue.uppercased() ?? "?",
            greeting.size.map(SizeText.bytes) ?? "?",
            greeting.updated.map(dates.short) ?? "?",
        ]
    }

    private static func drawRow(_ grid: inout CellGrid, _ cells: [String], x: Int, y: Int, widths: [Int], style: StyleRole) {
        var column = x
        for (cell, width) in zip(cells, widths) where width > 0 {
            grid.put(DisplayWidth.truncate(cell, to: width - 1), x: column, y: y, style: style)
            column += width
        }
    }

    static func purpose(_ type: GreetingType) -> String {
        switch type {
        case .unavailable: "Unavailable: played when you do not answer."
        case .busy: "Busy: played when you are on another call."
        case .name: "Name: your name, spoken inside the PBX's default greetings."
        case .temporary:
            "Temporary: while it exists, callers hear it instead of the Unavailable and the Busy greeting"
                + " (for a holiday, say). Reset it to bring those back."
        }
    }

    private static func drawActivity(_ grid: inout CellGrid, _ activity: GreetingsState.Activity, x: Int, y: Int, width: Int) {
        switch activity {
        case .recording(let type, let elapsed, let level, let recorder):
            let limit = DurationText.clock(VoicemailLimits.maxDurationSeconds)
            var cursor = grid.put("● REC ", x: x, y: y, style: .statusError)
            cursor = grid.put("\(type.displayName)  \(DurationText.clock(Int(elapsed))) / \(limit)  ",
                              x: cursor, y: y, style: .detailsValue)
            let meterWidth = min(20, x + width - cursor - 12)
            if meterWidth >= 4 {
                cursor = grid.put("level ", x: cursor, y: y, style: .dim)
                PlaybackBar.drawBar(&grid, fraction: meterFraction(level), x: cursor, y: y, width: meterWidth)
            }
            if let recorder, y + 1 < grid.height {
                grid.put("with \(TerminalSafe.line(recorder)); stops by itself at \(limit)", x: x, y: y + 1,
                         style: .dim, maxWidth: width)
            }
        case .stoppingRecording(let type):
            grid.put("● Stopping the \(type.displayName) recording…", x: x, y: y, style: .dim, maxWidth: width)
        case .uploading(let type):
            grid.put("↑ Uploading the \(type.displayName) greeting…", x: x, y: y, style: .dim, maxWidth: width)
        case .resetting(let type):
            grid.put("Resetting the \(type.displayName) greeting…", x: x, y: y, style: .dim, maxWidth: width)
        case .copying(let source, let destination):
            grid.put("Copying the \(source.displayName) greeting onto \(destination.displayName)…", x: x, y: y, style: .dim,
                     maxWidth: width)
        }
    }

    /// Speech sits far below full scale: show the level in decibels over 50 dB so quiet
    /// talking still moves the meter.
    static func meterFraction(_ level: Double?) -> Double {
        guard let level, level > 0 else { return 0 }
        let decibels = 20 * log10(level)
        return min(1, max(0, (decibels + 50) / 50))
    }
}

