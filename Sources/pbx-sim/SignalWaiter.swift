import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT/SIGTERM into an awaitable event so the server can shut down cleanly.
/// Create it before the server starts, so a signal arriving early is not lost.
final class SignalWaiter: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received = false
    private var waiter: CheckedContinuation<Void, Never>?

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            // The default action would kill the process before the source sees the signal.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.signalled() }
            source.resume()
            sources.append(source)
        }
    }

    /// Also ends when standard input reaches its end: a parent that started pbx-sim with a
    /// pipe (vmtui --demo) takes it down even when the parent is killed outright.
    func watchStandardInput() {
        let thread = Thread { [weak self] in
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            self?.signalled()
        }
        thread.start()
    }

    private func signalled() {
        lock.lock()
        received = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume()
    }

    func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if received {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }
}
