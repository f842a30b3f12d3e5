#if canImport(Glibc)
    import Glibc
#endif

/// A short-lived child run to its end (sox converting a file, a `token_command`): started as
/// every child is (`Spawner`), with its stdout and stderr collected.
public enum ChildCommand {
    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        public var status: Int32
        public var signal: Int32?
        public var output: [UInt8]
        public var errors: [UInt8]

        /// The first non-empty line of stderr (at most 4 KiB read), or "".
        public var firstErrorLine: String {
            let text = String(decoding: errors.prefix(4096), as: UTF8.self)
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        }
    }

    /// Runs `path` with `arguments` (argv[0] first) and waits for it. stdout is collected when
    /// `captureOutput`, else it goes to /dev/null. Cancelling the calling task ends the child.
    public static func run(
        path: String, arguments: [String], environment: [String: String],
        stdin: ChildStream = .nullDevice, captureOutput: Bool = false, ownProcessGroup: Bool = true
    ) throws(SpawnFailure) -> Outcome {
        let errors = try Spawner.pipe()
        var output: (read: Int32, write: Int32)?
        if captureOutput {
            do { output = try Spawner.pipe() } catch {
                close(errors.read)
                close(errors.write)
                throw error
            }
        }
        let pid: pid_t
        do {
            pid = try Spawner.spawn(
                path: path, arguments: arguments, environment: environment, stdin: stdin,
                stdout: output.map { .descriptor($0.write) } ?? .nullDevice, stderr: .descriptor(errors.write),
                ownProcessGroup: ownProcessGroup)
        } catch {
            close(errors.read)
            close(errors.write)
            if let output { close(output.read); close(output.write) }
            throw error
        }
        close(errors.write)
        if let output { close(output.write) }
        // Both pipes drained together: a chatty child must not block on a full one.
        var collected: [Int32: [UInt8]] = [:]
        var open = [errors.read] + (output.map { [$0.read] } ?? [])
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var cancelled = false
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            // Woken now and then to see whether the task that waits was cancelled (Esc on a
            // save, Ctrl-C on a download): then the child's group is told to go.
            let ready = poll(&fds, nfds_t(fds.count), 50)
            if !cancelled, Task.isCancelled {
                cancelled = true
                kill(ownProcessGroup ? -pid : pid, SIGTERM)
                if ownProcessGroup { kill(-pid, SIGCONT) }
            }
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for entry in fds where entry.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress!, $0.count) }
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    close(entry.fd)
                    open.removeAll { $0 == entry.fd }
                } else {
                    collected[entry.fd, default: []] += buffer[0..<count]
                }
            }
        }
        for fd in open { close(fd) }
        let (status, signal) = Spawner.wait(pid)
        return Outcome(
            status: status, signal: signal, output: output.map { collected[$0.read] ?? [] } ?? [],
            errors: collected[errors.read] ?? [])
    }
}
