import Foundation
import Synchronization
import Logging

/// Warnings a guesser can repeat at will (failed logins, wrong PINs, refusals) are logged once
/// per key and interval; repeats are counted and the count is logged when the interval ends,
/// so a flood of failures costs a few lines, not megabytes, and no failure goes uncounted.
/// At most `maxKeys` keys are logged one by one per interval; failures under further keys
/// (rotating addresses, invented user names) are summed into one line.
final class RepeatedWarnings: Sendable {
    private struct Interval {
        var lines: [String: (text: String, repeats: Int)] = [:]
        var order: [String] = []
        var others = 0
        var flushScheduled = false
        var started = ContinuousClock.now
    }

    private let interval: Duration
    private let maxKeys: Int
    private let logger: Logger
    private let state = Mutex(Interval())

    init(interval: Duration, maxKeys: Int = 50, logger: Logger) {
        self.interval = interval
        self.maxKeys = maxKeys
        self.logger = logger
    }

    /// Logs `text` now if `key` has not been logged in this interval; otherwise counts it.
    func warn(key: String, _ text: @autoclosure () -> String) {
        let (line, schedule) = state.withLock { state -> (String?, Bool) in
            let schedule = !state.flushScheduled
            if schedule { state.started = .now }
            state.flushScheduled = true
            if state.lines[key] != nil {
                state.lines[key]!.repeats += 1
            } else if state.lines.count >= maxKeys {
                state.others += 1
            } else {
                let made = text()
                state.lines[key] = (made, 0)
                state.order.append(key)
                return (made, schedule)
            }
            return (nil, schedule)
        }
        if let line { logger.warning("\(line)") }
        if schedule { scheduleFlush() }
    }

    private func scheduleFlush() {
        let interval = self.interval
        Task { [weak self] in
            try? await Task.sleep(for: interval)
            self?.flush()
        }
    }

    /// Logs what the interval counted and starts a new one.
    func flush() {
        let ended = state.withLock { state in
            defer { state = Interval() }
            return state
        }
        // Measured, not assumed: a stop flushes before the interval is over.
        let span = "\(FailureThrottle.wholeSeconds(ContinuousClock.now - ended.started)) s"
        for key in ended.order {
            guard let line = ended.lines[key], line.repeats > 0 else { continue }
            logger.warning("\(line.text) (\(line.repeats) more in the last \(span))")
        }
        if ended.others > 0 {
            logger.warning("\(ended.others) more failed or refused attempts from further users and addresses in the last \(span)")
        }
    }
}
