import DisplayText
import VoicemailModel

/// Playing messages: Enter/p plays or pauses, s stops, ←/→ seek, n/N play the neighbours,
/// and a message heard (to its end, by default) is marked read as on the phone.
extension App {
    static let seekStep = 5.0

    /// Enter/p on the list: pause or resume the selected message if it is the one playing,
    /// else play it.
    static func playSelected(_ state: inout AppState) -> [Effect] {
        guard let message = state.selectedMessage else {
            if state.isLoading { return deferUntilLoaded(&state, .play) }
            state.status = .info("No message selected")
            return []
        }
        if state.audio.playback?.target.messageID == message.id { return togglePause(state) }
        return startPlayback(&state, .message(message, mailbox: state.mailbox))
    }

    static func startPlayback(_ state: inout AppState, _ target: PlaybackTarget) -> [Effect] {
        // The player switches to the new target itself: the old reports simply stop mattering.
        if let previous = state.playbackRequest { state.pending[previous] = nil }
        let id = state.makeRequestID()
        state.pending[id] = .playback(.playing)
        state.audio.playback = PlaybackInfo(target: target)
        // The progress bar says what is going on; an old outcome would only distract.
        if !state.status.isBusy { state.status = .none }
        return [.playback(.play(id, target))]
    }

    static func togglePause(_ state: AppState) -> [Effect] {
        guard let playback = state.audio.playback, playback.phase != .starting else { return [] }
        return [.playback(.togglePause)]
    }

    /// The playback keys (their context is active only while something plays).
    static func performPlaybackAction(_ state: inout AppState, _ action: PlaybackAction) -> [Effect] {
        guard let playback = state.audio.playback else { return [] }
        switch action {
        case .stop:
            return [.playback(.stop)]
        case .seekBack, .seekForward:
            guard playback.phase != .starting else { return [] }
            return [.playback(.seek(action == .seekBack ? -seekStep : seekStep))]
        case .playNext, .playPrevious:
            return playNeighbour(&state, forward: action == .playNext)
        case .slower, .faster:
            return changeSpeed(&state, faster: action == .faster)
        }
    }

    /// The message after (or before) the one playing, in the list as shown. When the playing
    /// message has left the list (marked read and moved to Old), the row that took its place
    /// counts as the next one.
    private static func playNeighbour(_ state: inout AppState, forward: Bool) -> [Effect] {
        guard state.greetings == nil else { return [] }
        let playingID = state.audio.playback?.target.messageID
        let current = (0..<state.visibleCount).first { state.visibleMessage(at: $0).id == playingID }
        let row: Int
        if let current {
            row = current + (forward ? 1 : -1)
        } else {
            row = forward ? state.selection : state.selection - 1
        }
        guard row >= 0, row < state.visibleCount else {
            state.status = .info(forward ? "No next message" : "No previous message")
            return []
        }
        moveSelection(&state, to: row)
        return startPlayback(&state, .message(state.visibleMessage(at: row), mailbox: state.mailbox))
    }

    static func playbackReported(_ state: inout AppState, _ id: RequestID, _ report: PlaybackReport) -> [Effect] {
        guard state.pending[id] == .playback(.playing), var playback = state.audio.playback else { return [] }
        switch report {
        case .finished, .stopped, .failed, .messageGone, .noPlayer: state.pending[id] = nil
        default: break
        }
        switch report {
        case .playerChosen(let name, let discovered):
            playback.player = name
            state.audio.playback = playback
            if !state.audio.playerAnnounced {
                state.audio.playerAnnounced = true
                state.status = .info(
                    discovered
                        ? "Playing with \(TerminalSafe.line(name)) (found in PATH; set `player` in the config to choose)"
                        : "Playing with \(TerminalSafe.line(name))")
            }
            return []
        case .starting:
            playback.phase = .starting
            state.audio.playback = playback
            return []
        case .playing(let elapsed, let total), .paused(let elapsed, let total):
            let wasPaused = playback.phase == .paused
            if case .paused = report { playback.phase = .paused } else { playback.phase = .playing }
            // The status line says what is going on now, not "Playing with mpv" over a pause.
            let pausedLine = "Paused: \(state.config.keyBindings.label(.play)) resumes"
            if playback.phase == .paused, !wasPaused, !state.status.isBusy, !state.status.isError {
                state.status = .info(pausedLine)
            } else if playback.phase == .playing, wasPaused, state.status == .info(pausedLine) {
                state.status = .none
            }
            playback.elapsed = max(0, elapsed)
            if let total, total > 0 { playback.total = total }
            var effects: [Effect] = []
            if state.config.markReadOn == .start, !playback.markedRead {
                playback.markedRead = true
                effects = markPlayedRead(&state, playback.target)
            }
            state.audio.playback = playback
            return effects
        case .finished:
            state.audio.playback = nil
            // "Playing with mpv" said what was going on; it no longer is.
            if case .info(let line) = state.status, line.hasPrefix("Playing with ") { state.status = .none }
            if state.config.markReadOn == .end { return markPlayedRead(&state, playback.target) }
            return []
        case .stopped:
            state.audio.playback = nil
            if !state.status.isBusy { state.status = .info("Stopped") }
            return []
        case .failed(let reason):
            state.audio.playback = nil
            state.status = .error("Playback failed: " + TerminalSafe.line(reason))
            return []
        case .messageGone:
            state.audio.playback = nil
            state.status = .info("That message was already deleted; list refreshed")
            return refreshQuietly(&state)
        case .noPlayer(let reason):
            state.audio.playback = nil
            state.status = .error(TerminalSafe.line(reason))
            return []
        }
    }

    /// Marks a played message read if it is still unread as far as this screen knows; a New
    /// message then moves to Old (the server does that) and the New badge drops.
    private static func markPlayedRead(_ state: inout AppState, _ target: PlaybackTarget) -> [Effect] {
        guard case .message(let played, let mailbox) = target, mailbox == state.mailbox else { return [] }
        let current = state.messages.first { $0.id == played.id }
        // Not in the open folder any more: only the server knows; the played copy decides.
        let message = current ?? played
        guard !message.read else { return [] }
        let status = state.status
        let effect = startUpdate(&state, .markRead, [message])
        // Playback's own line (which player) stays; the outcome replaces it when it comes.
        if case .info = status { state.status = status }
        return [effect]
    }
}

extension StatusLine {
    var isBusy: Bool {
        if case .busy = self { return true }
        return false
    }

    var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
