import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A player, recorder or hook started with posix_spawn, kept away from the terminal the TUI
/// owns: stdin is a pipe or /dev/null, stdout and stderr go to one pipe whose last lines
/// explain a failure, and no other descriptor of vmtui (log file, PBX connection, wake pipe)
/// survives into it. It leads a process group of its own: the terminal's Ctrl-C reaches vmtui
/// only, and every signal vmtui sends (stop, pause, resume, exit) goes to the whole group, so
/// a player that is a script or a pipeline stops with all its children.
public final class ChildProcess: Sendable {
    public enum Input: Sendable {
        case nullDevice
        /// A pipe; write to `inputFD` and close it (or call `closeInput`) for end of file.
        case pipe
    }

    public enum Output: Sendable {
        /// stdout and stderr both feed `failureLine` (mpv writes its errors to stdout).
        case combined
        /// stdout goes to /dev/null; stderr alone feeds `failureLine`.
        case stderrOnly
    }

    public let pid: pid_t
    public let arguments: [String]
    /// The write end of the stdin pipe, or -1 (none, or closed).
    public var inputFD: Int32 { stdinWriteEnd.withLock { $0 } }
    private let stdinWriteEnd: Mutex<Int32>
    private let stderrTail: StderrTail
    private let exit = Mutex<Int32?>(nil)
    private let signalled = Mutex<Int32?>(nil)
    private let exitWaiters = Mutex<[CheckedContinuation<Int32, Never>]>([])
    /// Signalled when stderr reaches end of file, so a failure's reason is complete before
    /// the exit is reported.
    private let stderrDone = DispatchSemaphore(value: 0)

    /// Starts `arguments[0]` (an absolute path or a name searched in the environment's PATH).
    public init(arguments: [String], environment: [String: String], input: Input, output: Output = .combined) throws {
        guard let program = arguments.first, !program.isEmpty else {
            throw AudioError.spawnFailed("No program to start")
        }
        guard let path = ExecutableSearch.resolve(program, path: environment["PATH"]) else {
            throw AudioError.spawnFailed("\(program) is not installed (not found in PATH)")
        }
        self.arguments = arguments
        stderrTail = StderrTail()
        SignalSetup.ignoreSIGPIPE()

        var stdinPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        if case .pipe = input, cPipe2(&stdinPipe, O_CLOEXEC) != 0 {
            throw AudioError.spawnFailed("Cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        guard cPipe2(&stderrPipe, O_CLOEXEC) == 0 else {
            if stdinPipe[0] >= 0 { close(stdinPipe[0]); close(stdinPipe[1]) }
            throw AudioError.spawnFailed("Cannot create a pipe: \(String(cString: strerror(errno)))")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdinPipe[0] >= 0 {
            posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        switch output {
        case .combined:
            // stdout too: mpv prints its errors there when it is not on a terminal.
            posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 1)
        case .stderrOnly:
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)
        // Close-on-exec is not enough: libraries (libcurl, ncurses, swift-log's file) open
        // descriptors without it, and any thread may do so while this spawn runs.
        _ = cSpawnAddCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group: keyboard signals go to vmtui only. Default dispositions and an
        // empty mask: vmtui ignores SIGPIPE and may block signals, the player must not inherit that.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGHUP, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var childPID: pid_t = 0
        let status = posix_spawn(&childPID, path, &actions, &attributes, &argv, &envp)
        if stdinPipe[0] >= 0 { close(stdinPipe[0]) }
        close(stderrPipe[1])
        guard status == 0 else {
            if stdinPipe[1] >= 0 { close(stdinPipe[1]) }
            close(stderrPipe[0])
            throw AudioError.spawnFailed("Cannot start \(program): \(String(cString: strerror(status)))")
        }
        pid = childPID
        stdinWriteEnd = Mutex(stdinPipe[1])
        ChildRegistry.shared.add(childPID)
        startReadingStderr(stderrPipe[0])
        startWaiting()
    }

    /// The exit status once the child ended: the exit code, or 128 + signal number.
    public var exitStatus: Int32? { exit.withLock { $0 } }
    public var isRunning: Bool { exitStatus == nil }
    /// The signal that ended the child, when one did (an exit status of 137 is not SIGKILL).
    public var exitSignal: Int32? { signalled.withLock { $0 } }

    /// Waits for the child to end.
    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            let finished: Int32? = exitWaiters.withLock { waiters in
                if let status = exit.withLock({ $0 }) { return status }
                waiters.append(continuation)
                return nil
            }
            if let finished { continuation.resume(returning: finished) }
        }
    }

    /// The most telling line the child wrote to stderr, if any.
    public var failureLine: String? { stderrTail.meaningfulLine() }

    /// Writes all of `bytes` to the child's stdin; false once the child stopped reading.
    /// Blocks while the pipe is full (a paused player), so call it from a dedicated thread.
    public func writeInput(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let fd = inputFD
            guard fd >= 0 else { return false }
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Closes stdin: the player sees end of file.
    public func closeInput() {
        stdinWriteEnd.withLock { fd in
            if fd >= 0 {
                close(fd)
                fd = -1
            }
        }
    }

    /// Sends `number` to the child's whole process group (pause, resume, stop).
    public func signal(_ number: Int32) {
        guard isRunning else { return }
        kill(-pid, number)
    }

    /// Whether any process of the child's group is still alive (the child itself, or what it
    /// started and left behind). The group's id cannot be reused while a member lives.
    public var groupIsAlive: Bool { ProcessGroup.hasLiveMember(pid) }

    /// Tells whatever is left of the group to go, without waiting (a session that ended while
    /// the child's children still run).
    public func endGroup() {
        guard isRunning || groupIsAlive else { return }
        kill(-pid, SIGTERM)
        kill(-pid, SIGCONT)
    }

    /// Asks the child's process group to end with `first` (SIGTERM by default), then kills
    /// what is left of it after `grace`. Returns once the child has exited.
    public func terminate(first: Int32 = SIGTERM, grace: Duration = .seconds(2)) async {
        guard isRunning || groupIsAlive else { return }
        kill(-pid, first)
        // A stopped process only acts on the signal once continued.
        kill(-pid, SIGCONT)
        let deadline = ContinuousClock.now + grace
        let exited = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                _ = await self.waitForExit()
                return true
            }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        // The child is gone; its children may still be finishing. Give them the rest of the
        // grace, then kill whatever of the group remains.
        while exited, groupIsAlive, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if groupIsAlive { kill(-pid, SIGKILL) }
        _ = await waitForExit()
    }

    private func startReadingStderr(_ fd: Int32) {
        let tail = stderrTail
        let done = stderrDone
        let thread = Thread {
            defer { done.signal() }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                tail.append(buffer[0..<count])
            }
            close(fd)
        }
        thread.name = "vmtui-child-stderr"
        thread.start()
    }

    private func startWaiting() {
        let pid = self.pid
        let thread = Thread { [self] in
            var status: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
            let code: Int32
            if result < 0 {
                code = 255
            } else if (status & 0x7f) == 0 {
                code = (status >> 8) & 0xff
            } else {
                code = 128 + (status & 0x7f)
                signalled.withLock { $0 = status & 0x7f }
            }
            ChildRegistry.shared.remove(pid)
            // A grandchild may keep stderr open; do not wait for it long.
            _ = stderrDone.wait(timeout: .now() + 0.5)
            closeInput()
            let waiters: [CheckedContinuation<Int32, Never>] = exitWaiters.withLock { waiters in
                exit.withLock { $0 = code }
                defer { waiters = [] }
                return waiters
            }
            waiters.forEach { $0.resume(returning: code) }
        }
        thread.name = "vmtui-child-wait"
        thread.start()
    }
}

/// glibc's pipe2 is hidden behind _GNU_SOURCE in the imported headers. Close-on-exec must be
/// set atomically: another thread may spawn a process at any moment, and a pipe end leaked
/// into it would keep a player from ever seeing end of file.
@_silgen_name("pipe2")
private func cPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// glibc 2.34+ (Debian 12 has 2.36); not exported by the Glibc module.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func cSpawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

/// Every live child of this module, so an emergency exit can stop them all.
final class ChildRegistry: Sendable {
    static let shared = ChildRegistry()
    private let pids = Mutex<Set<pid_t>>([])

    func add(_ pid: pid_t) { pids.withLock { _ = $0.insert(pid) } }
    func remove(_ pid: pid_t) { pids.withLock { _ = $0.remove(pid) } }

    /// Each child's whole process group, so a script player's own children go too.
    func terminateAll() {
        for pid in pids.withLock({ $0 }) {
            kill(-pid, SIGTERM)
            kill(-pid, SIGCONT)
        }
    }
}

enum SignalSetup {
    private static let once: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes to a player that quit must fail with EPIPE, not kill vmtui.
    static func ignoreSIGPIPE() { once }
}
