import DisplayText

/// The speeds `[` and `]` step through, slowest first; 1 is normal.
enum PlaybackSpeed {
    static let steps: [Double] = [0.75, 1, 1.25, 1.5, 2]

    /// The next step slower or faster, staying at the ends.
    static func step(from current: Double, faster: Bool) -> Double {
        let index = steps.firstIndex { $0 >= current } ?? steps.count - 1
        let at = steps[index] == current ? index : (faster ? index - 1 : index)
        return steps[max(0, min(steps.count - 1, at + (faster ? 1 : -1)))]
    }

    /// "1.25×", "0.75×", "2×".
    static func label(_ speed: Double) -> String {
        let hundredths = Int((speed * 100).rounded())
        var text = "\(hundredths / 100)"
        let fraction = hundredths % 100
        if fraction != 0 { text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)") }
        return text + "×"
    }
}

/// `[` and `]` while something plays: one step slower or faster, kept for the next message;
/// the playback bar shows the speed when it is not 1×.
extension App {
    static func changeSpeed(_ state: inout AppState, faster: Bool) -> [Effect] {
        let speed = PlaybackSpeed.step(from: state.audio.speed, faster: faster)
        guard speed != state.audio.speed else {
            state.status = .info("\(PlaybackSpeed.label(speed)) is the \(faster ? "fastest" : "slowest")")
            return []
        }
        state.audio.speed = speed
        state.status = .info("Speed \(PlaybackSpeed.label(speed))")
        return [.playback(.setSpeed(speed))]
    }

    /// The player has no speed option: it plays on at normal speed, and says so in one line.
    static func speedRefused(_ state: inout AppState, player: String) -> [Effect] {
        state.audio.speed = 1
        state.status = .error(
            "\(TerminalSafe.line(player)) cannot change the speed (mpv, ffplay and sox's play can: set `player`)")
        return []
    }
}
