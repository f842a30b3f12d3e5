import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGINT/SIGTERM into an awaitable event so the server can shut down cleanly.
/// Create it before the server starts, so a signal arriving early is not lost.
final class SignalWaiter: Sendable {
    private struct Waiting {
        var received = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    /// Kept so the sources stay alive as long as the waiter.
    private let sources: Mutex<[DispatchSourceSignal]>
    private let state = Mutex(Waiting())

    init() {
        sources = Mutex([SIGINT, SIGTERM].map { signalNumber in
            // The default action would kill the process before the source sees the signal.
            signal(signalNumber, SIG_IGN)
            return DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        })
        sources.withLock { sources in
            for source in sources {
                source.setEventHandler { [weak self] in self?.signalled() }
                source.resume()
            }
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
        let waiter = state.withLock { state in
            state.received = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let received = state.withLock { state in
                if !state.received { state.waiter = continuation }
                return state.received
            }
            if received { continuation.resume() }
        }
    }
}
