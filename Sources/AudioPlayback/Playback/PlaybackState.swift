import FoundationEssentials

/// What the player is doing, as a UI shows it. Times are seconds.
public enum PlaybackState: Sendable, Equatable {
    case idle
    /// Download started; the player is being started.
    case starting
    case playing(elapsed: Double, total: Double?)
    case paused(elapsed: Double, total: Double?)
    /// The player reached the end of the message.
    case finished
    /// `stop()` ended playback before the end.
    case stopped
    /// One line saying why, e.g. "mpv: Failed to recognize file format."
    case failed(String)

    /// True while a player runs (or is about to).
    public var isActive: Bool {
        switch self {
        case .starting, .playing, .paused: true
        default: false
        }
    }

    public var total: Double? {
        switch self {
        case .playing(_, let total), .paused(_, let total): total
        default: nil
        }
    }
}

/// Elapsed playing time by the wall clock, for players that cannot be asked: time since the
/// start, minus pauses, plus the offset a restart began at, capped at the message length.
struct PlaybackClock: Sendable {
    private var offset: Double = 0
    /// Message seconds per wall-clock second (the playback speed).
    private var rate: Double = 1
    private var startedAt: ContinuousClock.Instant?
    private var pausedAt: ContinuousClock.Instant?
    private var pausedTotal: Duration = .zero

    mutating func start(at offset: Double, rate: Double = 1, now: ContinuousClock.Instant = .now) {
        self.offset = offset
        self.rate = rate
        startedAt = now
        pausedAt = nil
        pausedTotal = .zero
    }

    mutating func pause(now: ContinuousClock.Instant = .now) {
        if pausedAt == nil { pausedAt = now }
    }

    mutating func resume(now: ContinuousClock.Instant = .now) {
        if let pausedAt {
            pausedTotal += now - pausedAt
            self.pausedAt = nil
        }
    }

    func elapsed(cappedAt total: Double?, now: ContinuousClock.Instant = .now) -> Double {
        guard let startedAt else { return offset }
        let end = pausedAt ?? now
        let running = end - startedAt - pausedTotal
        let seconds = offset + rate * (Double(running.components.seconds) + Double(running.components.attoseconds) / 1e18)
        let capped = total.map { min(seconds, $0) } ?? seconds
        return max(0, capped)
    }
}
