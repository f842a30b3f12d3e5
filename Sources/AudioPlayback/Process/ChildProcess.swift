import ChildSpawn
import Dispatch
import FoundationEssentials
import Synchronization
import SystemBasics

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

        var stdinPipe: (read: Int32, write: Int32) = (-1, -1)
        let stderrPipe: (read: Int32, write: Int32)
        do {
            if case .pipe = input { stdinPipe = try Spawner.pipe() }
            stderrPipe = try Spawner.pipe()
        } catch {
            if stdinPipe.read >= 0 { close(stdinPipe.read); close(stdinPipe.write) }
            throw AudioError.spawnFailed(Self.sentence(error.description))
        }
        let childPID: pid_t
        do {
            // stdout too when combined: mpv prints its errors there when not on a terminal.
            childPID = try Spawner.spawn(
                path: path, arguments: arguments, environment: environment,
                stdin: stdinPipe.read >= 0 ? .descriptor(stdinPipe.read) : .nullDevice,
                stdout: output == .combined ? .descriptor(stderrPipe.write) : .nullDevice,
                stderr: .descriptor(stderrPipe.write))
        } catch {
            if stdinPipe.read >= 0 { close(stdinPipe.read); close(stdinPipe.write) }
            close(stderrPipe.read)
            close(stderrPipe.write)
            throw AudioError.spawnFailed(Self.sentence(error.description))
        }
        if stdinPipe.read >= 0 { close(stdinPipe.read) }
        close(stderrPipe.write)
        pid = childPID
        stdinWriteEnd = Mutex(stdinPipe.write)
        startReadingStderr(stderrPipe.read)
        startWaiting()
    }

    /// "cannot start mpv: …" as the start of a sentence; "vmtui …" keeps its lower case.
    static func sentence(_ text: String) -> String {
        text.hasPrefix("vmtui") ? text : text.prefix(1).uppercased() + text.dropFirst()
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
        if number == SIGSTOP || number == SIGCONT { LiveChildren.shared.setUserStopped(pid, number == SIGSTOP) }
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
        DetachedThread.start(name: "vmtui-child-stderr") {
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
    }

    private func startWaiting() {
        let pid = self.pid
        DetachedThread.start(name: "vmtui-child-wait") { [self] in
            let (code, signal) = Spawner.wait(pid)
            if let signal { signalled.withLock { $0 = signal } }
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
    }
}

enum SignalSetup {
    private static let once: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Writes to a player that quit must fail with EPIPE, not kill vmtui.
    static func ignoreSIGPIPE() { once }
}
