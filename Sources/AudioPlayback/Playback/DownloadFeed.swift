import SystemBasics

/// The state of a download that a player is fed from while it is still running: how many
/// bytes are in the file, whether it is complete, and why it failed. The pump thread waits
/// on it; the download's progress callback signals it.
final class DownloadFeed: @unchecked Sendable {
    enum Outcome: Sendable { case running, complete, failed(String) }

    private let condition = Condition()
    private var written: Int64 = 0
    private var total: Int64?
    private var outcome = Outcome.running

    func progress(written: Int64, total: Int64?) {
        condition.lock()
        self.written = max(self.written, written)
        if let total { self.total = total }
        condition.broadcast()
        condition.unlock()
    }

    func finish(_ result: Outcome) {
        condition.lock()
        if case .running = outcome { outcome = result }
        condition.broadcast()
        condition.unlock()
    }

    var snapshot: (written: Int64, total: Int64?, outcome: Outcome) {
        condition.lock()
        defer { condition.unlock() }
        return (written, total, outcome)
    }

    /// Blocks until more than `count` bytes were written or the download ended (or a short
    /// timeout, so a file written without progress reports is still picked up).
    func waitForMore(than count: Int64) {
        condition.lock()
        defer { condition.unlock() }
        if written <= count, case .running = outcome {
            condition.wait(seconds: 0.05)
        }
    }

    /// Waits (without blocking a thread of the cooperative pool) for the download to end.
    func completion() async -> Outcome {
        while true {
            let outcome = snapshot.outcome
            if case .running = outcome {
                try? await Task.sleep(for: .milliseconds(20))
                if Task.isCancelled { return .failed("cancelled") }
                continue
            }
            return outcome
        }
    }
}
