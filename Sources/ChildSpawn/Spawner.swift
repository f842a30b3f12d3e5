#if canImport(Glibc)
    import Glibc
#endif

/// Where one of a child's standard descriptors (0, 1, 2) comes from.
public enum ChildStream: Sendable, Equatable {
    /// /dev/null.
    case nullDevice
    /// This descriptor of vmtui's, duplicated onto it.
    case descriptor(Int32)
    /// vmtui's own descriptor of the same number (a secret command may ask the terminal).
    case inherited
}

/// Why a child could not be started.
public struct SpawnFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The one way vmtui starts another program (players, recorders, sox, the new-message hook,
/// secret commands). Every child gets only descriptors 0–2: close-on-exec is not enough, as
/// libraries (libcurl, ncurses, a log file's handle) open descriptors without it, and any
/// thread may do so while a spawn runs. Signal dispositions and the mask are the defaults,
/// whatever vmtui ignores or blocks. Children in a group of their own are registered in
/// `LiveChildren`, so every exit path can end them, and none starts once vmtui is leaving.
public enum Spawner {
    /// Starts `path` (absolute) with `arguments` (argv[0] first).
    /// - Parameter ownProcessGroup: the child leads a new group (keyboard signals do not reach
    ///   it; vmtui signals the whole group). A child that may ask the terminal keeps vmtui's.
    public static func spawn(
        path: String, arguments: [String], environment: [String: String],
        stdin: ChildStream = .nullDevice, stdout: ChildStream = .nullDevice, stderr: ChildStream = .nullDevice,
        ownProcessGroup: Bool = true
    ) throws(SpawnFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (number, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .nullDevice:
                posix_spawn_file_actions_addopen(&actions, number, "/dev/null", number == 0 ? O_RDONLY : O_WRONLY, 0)
            case .descriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, number)
            case .inherited:
                break
            }
        }
        guard cSpawnAddCloseFrom(&actions, 3) == 0 else {
            throw SpawnFailure("cannot close descriptors for a child (glibc 2.34 or later is needed)")
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGHUP, SIGCHLD, SIGTSTP, SIGTTIN, SIGTTOU] {
            sigaddset(&defaults, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if ownProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let name = arguments.first ?? path
        // Registered under the same lock as the spawn: an exit path either sees the child or
        // stops it from starting at all.
        return try LiveChildren.shared.spawning(group: ownProcessGroup) { () throws(SpawnFailure) -> pid_t in
            var child: pid_t = 0
            let status = posix_spawn(&child, path, &actions, &attributes, &argv, &envp)
            guard status == 0 else { throw SpawnFailure("cannot start \(name): \(String(cString: strerror(status)))") }
            return child
        }
    }

    /// A pipe whose ends are close-on-exec from the start (another thread may spawn meanwhile).
    public static func pipe() throws(SpawnFailure) -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        guard cPipe2(&fds, O_CLOEXEC) == 0 else {
            throw SpawnFailure("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        return (fds[0], fds[1])
    }

    /// Waits for `pid` (a child started here) and returns its exit code, or 128 + the signal
    /// that ended it, and that signal.
    public static func wait(_ pid: pid_t) -> (status: Int32, signal: Int32?) {
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
        LiveChildren.shared.reaped(pid)
        if result < 0 { return (255, nil) }
        if (status & 0x7f) == 0 { return ((status >> 8) & 0xff, nil) }
        return (128 + (status & 0x7f), status & 0x7f)
    }
}

/// glibc's pipe2 is hidden behind _GNU_SOURCE in the imported headers.
@_silgen_name("pipe2")
private func cPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// glibc 2.34+ (Debian 12 has 2.36); not exported by the Glibc module.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func cSpawnAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
