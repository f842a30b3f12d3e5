import Foundation

/// The exit path: stop every player and recorder this process started and delete the
/// private folder. The runtime and the CLI call `run()` at exit and from their SIGINT/SIGTERM
/// handling; commands without their own handling can use `SignalTrap`.
public enum AudioCleanup {
    public static func run() {
        ChildRegistry.shared.terminateAll()
        PrivateTempStore.shared.removeAll()
    }
}

/// Catches SIGINT/SIGTERM/SIGHUP on a dispatch queue (so the handler may do real work) and
/// calls `handler` with the signal number. Keep the returned object alive; `cancel()` restores
/// the default dispositions.
public final class SignalTrap: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let signals: [Int32]

    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], handler: @escaping @Sendable (Int32) -> Void) {
        self.signals = signals
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }

    public func cancel() {
        sources.forEach { $0.cancel() }
        sources = []
        for number in signals { signal(number, SIG_DFL) }
    }
}
