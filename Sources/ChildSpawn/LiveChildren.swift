import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Every child vmtui started and has not seen end, so an exit path can end them all. A child
/// that leads a process group is kept until its whole group is gone, not only until it is
/// reaped: a script player's own children outlive it and must end with vmtui too.
public final class LiveChildren: Sendable {
    public static let shared = LiveChildren()

    private struct Table {
        var processes: Set<pid_t> = []
        /// Group leaders whose group may still have members.
        var groups: Set<pid_t> = []
        /// Set by `closeForExit`: nothing starts any more.
        var closed = false
        /// Groups the user paused (SIGSTOP): resuming vmtui after Ctrl-Z leaves them paused.
        var userStopped: Set<pid_t> = []
    }

    private let table = Mutex(Table())

    func spawning(group: Bool, _ start: () throws(SpawnFailure) -> pid_t) throws(SpawnFailure) -> pid_t {
        try table.withLock { (table) throws(SpawnFailure) -> pid_t in
            guard !table.closed else { throw SpawnFailure("vmtui is exiting") }
            // Forget groups that are gone, so a reused number is never signalled.
            table.groups = table.groups.filter { Glibc.kill(-$0, 0) == 0 }
            table.userStopped.formIntersection(table.groups)
            let pid = try start()
            table.processes.insert(pid)
            if group { table.groups.insert(pid) }
            Self.publishForSignalHandlers(table.groups)
            return pid
        }
    }

    func reaped(_ pid: pid_t) {
        table.withLock { _ = $0.processes.remove(pid) }
    }

    /// Refuses every later start, then tells every child (each whole group) to go: SIGTERM,
    /// and SIGCONT for a stopped one. Returns the groups signalled.
    @discardableResult
    public func closeForExit() -> [pid_t] {
        let (groups, processes) = table.withLock { table in
            table.closed = true
            return (table.groups, table.processes)
        }
        for group in groups {
            Glibc.kill(-group, SIGTERM)
            Glibc.kill(-group, SIGCONT)
        }
        for pid in processes where !groups.contains(pid) {
            Glibc.kill(pid, SIGTERM)
        }
        return Array(groups)
    }

    /// SIGKILL for whatever of `groups` is still there (after `closeForExit` and a grace).
    public func forceKill(groups: [pid_t]) {
        for group in groups where Glibc.kill(-group, 0) == 0 { Glibc.kill(-group, SIGKILL) }
    }

    /// Notes that the user paused (true) or resumed (false) `group` with SIGSTOP/SIGCONT.
    public func setUserStopped(_ group: pid_t, _ stopped: Bool) {
        table.withLock { table in
            if stopped { table.userStopped.insert(group) } else { table.userStopped.remove(group) }
        }
    }

    /// vmtui is being stopped (Ctrl-Z): every child's group stops with it.
    public func suspendGroups() {
        for group in table.withLock({ $0.groups }) { Glibc.kill(-group, SIGSTOP) }
    }

    /// vmtui continues: every group goes on, except those the user had paused.
    public func resumeGroups() {
        let groups = table.withLock { $0.groups.subtracting($0.userStopped) }
        for group in groups { Glibc.kill(-group, SIGCONT) }
    }

    /// For a fatal signal's handler, which may not take locks or allocate: SIGTERM and
    /// SIGCONT to every group known at the last spawn.
    public static func terminateFromSignalHandler() {
        for slot in 0..<slotCount {
            let group = signalSafeGroups[slot]
            if group > 0 {
                _ = Glibc.kill(-group, SIGTERM)
                _ = Glibc.kill(-group, SIGCONT)
            }
        }
    }

    private static let slotCount = 64

    private static func publishForSignalHandlers(_ groups: Set<pid_t>) {
        var slot = 0
        for group in groups.prefix(slotCount) {
            signalSafeGroups[slot] = group
            slot += 1
        }
        while slot < slotCount {
            signalSafeGroups[slot] = 0
            slot += 1
        }
    }
}

/// The groups a fatal signal's handler ends; written under `LiveChildren`'s lock, read
/// without one (a torn view costs at most one group that is gone anyway).
nonisolated(unsafe) private let signalSafeGroups: UnsafeMutablePointer<pid_t> = {
    let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: 64)
    slots.initialize(repeating: 0, count: 64)
    return slots
}()
