import Glibc

/// A self-pipe that wakes the event loop's `poll`: effect results, timers and signal
/// handlers write one byte to it. Writing is async-signal-safe; both ends are non-blocking,
/// so a full pipe never blocks a writer (a pending wake-up is already enough).
public final class WakePipe: @unchecked Sendable {
    public let readFD: Int32
    public let writeFD: Int32

    /// Byte values 1–64 carry a signal number; this one means "something was posted".
    static let wakeByte: UInt8 = 0xFF

    public init() throws(TerminalError) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw TerminalError("could not create a wake-up pipe: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    public func wake() {
        var byte = WakePipe.wakeByte
        _ = write(writeFD, &byte, 1)
    }

    /// Empties the pipe; returns the signal numbers that were relayed, in order.
    public func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readFD, &buffer, buffer.count)
            if count <= 0 { break }
            for byte in buffer[0..<count] where byte != WakePipe.wakeByte {
                signals.append(Int32(byte))
            }
        }
        return signals
    }

    /// What ended a `wait`.
    public enum Wake: Equatable, Sendable {
        /// `inputFD` has input to read.
        case input
        /// `inputFD` hung up (the terminal closed, the SSH connection dropped): no input will
        /// come, and polling it again would return at once, forever.
        case hangUp
        /// The pipe was written to, or the time ran out.
        case other
    }

    /// Blocks until the pipe or `inputFD` is readable, or `timeoutMilliseconds` pass
    /// (negative: no timeout).
    @discardableResult
    public func wait(inputFD: Int32?, timeoutMilliseconds: Int32) -> Wake {
        var fds = [pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
        if let inputFD { fds.append(pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)) }
        while true {
            let result = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
            if result < 0, errno == EINTR { continue }
            guard result > 0, fds.count > 1 else { return .other }
            if fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangUp }
            return fds[1].revents & Int16(POLLIN) != 0 ? .input : .other
        }
    }
}

public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
