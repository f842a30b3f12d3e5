import DisplayText

/// One row of playback progress: `▶ 0:12 ━━━━━━──── 0:42  mpv`, `⏸ … paused · mpv`, and
/// progress bars for transfers and the recording level.
enum PlaybackBar {
    static func draw(
        _ grid: inout CellGrid, _ playback: PlaybackInfo, x: Int, y: Int, width: Int, title: String? = nil, speed: Double = 1
    ) {
        guard width > 0 else { return }
        let icon: String
        var suffix: [String] = []
        switch playback.phase {
        case .starting:
            icon = "…"
            suffix.append("starting")
        case .playing:
            icon = "▶"
        case .paused:
            icon = "⏸"
            suffix.append("paused")
        }
        if speed != 1 { suffix.append(PlaybackSpeed.label(speed)) }
        if let player = playback.player { suffix.append(TerminalSafe.line(player)) }
        let elapsed = DurationText.clock(Int(playback.elapsed))
        let total = playback.total.map { DurationText.clock(Int($0.rounded())) } ?? "-:--"
        let end = x + width
        var cursor = grid.put(icon + " ", x: x, y: y, style: .progress)
        if let title, !title.isEmpty {
            let room = max(0, width / 3)
            cursor = grid.put(DisplayWidth.truncate(title, to: room) + " ", x: cursor, y: y, style: .detailsLabel)
        }
        cursor = grid.put(elapsed + " ", x: cursor, y: y, style: .detailsValue)
        var suffixText = suffix.isEmpty ? "" : "  " + suffix.joined(separator: " · ")
        var barWidth = end - cursor - DisplayWidth.of(total) - 1 - DisplayWidth.of(suffixText)
        if barWidth < 6 {
            // Narrow: the bar matters more than the player's name.
            suffixText = ""
            barWidth = end - cursor - DisplayWidth.of(total) - 1
        }
        guard barWidth >= 3 else { return }
        let fraction = playback.total.map { $0 > 0 ? min(1, max(0, playback.elapsed / $0)) : 0 } ?? 0
        cursor = drawBar(&grid, fraction: fraction, x: cursor, y: y, width: barWidth)
        cursor = grid.put(" " + total, x: cursor, y: y, style: .detailsValue)
        grid.put(suffixText, x: cursor, y: y, style: .dim, maxWidth: max(0, end - cursor))
    }

    /// `━━━━━━────`; returns the column after it.
    @discardableResult
    static func drawBar(_ grid: inout CellGrid, fraction: Double, x: Int, y: Int, width: Int) -> Int {
        let filled = Int((Double(width) * min(1, max(0, fraction))).rounded(.down))
        var cursor = grid.put(String(repeating: "━", count: filled), x: x, y: y, style: .progress)
        cursor = grid.put(String(repeating: "─", count: width - filled), x: cursor, y: y, style: .dim)
        return cursor
    }

    /// The text of a transfer for the status line: "Saving a.wav ━━━━──── 45% of 9.2 MB".
    static func transferText(_ transfer: TransferInfo, width: Int) -> String {
        guard let total = transfer.total, total > 0 else {
            return "\(transfer.label)… \(SizeText.bytes(Int(transfer.bytes)))"
        }
        let fraction = min(1, Double(transfer.bytes) / Double(total))
        let tail = " \(Int(fraction * 100))% of \(SizeText.bytes(Int(total)))"
        let head = transfer.label + " "
        let barWidth = min(20, width - DisplayWidth.of(head) - DisplayWidth.of(tail) - 2)
        guard barWidth >= 4 else { return head + tail }
        let filled = Int((Double(barWidth) * fraction).rounded(.down))
        return head + String(repeating: "━", count: filled) + String(repeating: "─", count: barWidth - filled) + tail
    }
}
