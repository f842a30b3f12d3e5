import ChildSpawn
import Dispatch
import FoundationEssentials
import Glibc

/// The exit path: stop every player and recorder this process started and delete the
/// private folder. The runtime and the CLI call `run()` at exit and from their SIGINT/SIGTERM
/// handling; commands without their own handling can use `SignalTrap`.
public enum AudioCleanup {
    /// vmtui is leaving: no child starts any more, every child's whole group is told to go
    /// (and killed if it is still there after `grace`), and the private folder is deleted and
    /// never made again, whatever a late download or converter still tries.
    public static func run(grace: Duration = .milliseconds(800)) {
        let groups = LiveChildren.shared.closeForExit()
        PrivateTempStore.shared.closeForExit()
        let deadline = ContinuousClock.now + grace
        while groups.contains(where: ProcessGroup.hasLiveMember), ContinuousClock.now < deadline {
            usleep(10_000)
        }
        LiveChildren.shared.forceKill(groups: groups.filter(ProcessGroup.hasLiveMember))
        // A converter that wrote into the folder while it went: delete that too.
        PrivateTempStore.shared.closeForExit()
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
