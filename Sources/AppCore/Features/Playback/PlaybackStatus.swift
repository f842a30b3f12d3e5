import DisplayText

/// What the status line and footer show for playing and saving: transfer progress, playback
/// when the details pane is hidden, the path prompts (save here, a greeting upload too), and
/// the keys of the playback context.
enum PlaybackStatus {
    /// The status text for a save or upload in progress (replaces the plain busy line).
    static func transferText(_ state: AppState, width: Int) -> String? {
        guard case .busy = state.status, let transfer = state.transfer, transfer.bytes > 0 else { return nil }
        return PlaybackBar.transferText(transfer, width: width)
    }

    /// Draws the playback bar in the status line when no details pane shows it and nothing
    /// else needs the line. True when drawn.
    static func drawPlaybackInStatus(_ grid: inout CellGrid, _ state: AppState, _ layout: Layout) -> Bool {
        guard case .none = state.status, state.greetings == nil, let playback = state.audio.playback,
            layout.details == nil
        else { return false }
        let rect = layout.status
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .status)
        let title: String? = if case .message(let message, _) = playback.target { CallerText(message).columns } else { nil }
        PlaybackBar.draw(&grid, playback, x: rect.x + 1, y: rect.y, width: rect.width - 2, title: title, speed: state.audio.speed)
        return true
    }

    static let saveLabel = "Save audio to: "

    /// Completion candidates under a path prompt (the footer shows them).
    static func promptNote(_ state: AppState) -> String? {
        switch state.prompt {
        case .saveAudio?, .uploadGreeting?:
            if case .info(let text) = state.status { return text }
            return nil
        default:
            return nil
        }
    }
}
