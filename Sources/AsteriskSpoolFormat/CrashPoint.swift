import Glibc
import Synchronization

/// A crash-injection hook for the kill -9 tests: with `VMTUI_SPOOL_CRASH_AT=N` in the
/// environment, the process kills itself (SIGKILL, as `kill -9` would) just before the N-th
/// change to the spool's files (each link, rename, unlink and file commit is one). Unset, it
/// costs one load per change.
package enum CrashPoint {
    private static let target: Int = {
        guard let text = getenv("VMTUI_SPOOL_CRASH_AT").map({ String(cString: $0) }), let value = Int(text), value > 0 else { return 0 }
        return value
    }()
    private static let steps = Atomic<Int>(0)

    package static func step() {
        guard target > 0 else { return }
        if steps.add(1, ordering: .relaxed).newValue == target { kill(getpid(), SIGKILL) }
    }
}
