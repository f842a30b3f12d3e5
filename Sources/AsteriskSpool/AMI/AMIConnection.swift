import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to an AMI endpoint with a deadline on every step. Small on
/// purpose: connect, write a packet, read a line.
final class AMIConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let timeout: Duration
    let endpoint: String

    enum Failure: Error, Equatable {
        case unreachable(String)
        case timedOut
        case closed
    }

    init(host: String, port: Int, timeout: Duration) throws {
        endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        self.timeout = timeout
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_family = AF_UNSPEC
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw Failure.unreachable("cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        var lastError = "no address"
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            cursor = info.pointee.ai_next
            let socketFD = socket(info.pointee.ai_family, info.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), info.pointee.ai_protocol)
            guard socketFD >= 0 else { continue }
            if let reason = Self.connect(socketFD, info.pointee.ai_addr, info.pointee.ai_addrlen, timeout) {
                lastError = reason
                close(socketFD)
                continue
            }
            fd = socketFD
            var seconds = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
            if seconds.tv_sec == 0 && seconds.tv_usec == 0 { seconds.tv_usec = 1000 }
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
            return
        }
        throw Failure.unreachable(lastError)
    }

    deinit { close(fd) }

    /// Non-blocking connect bounded by `timeout`; nil on success, else the reason.
    private static func connect(_ fd: Int32, _ address: UnsafeMutablePointer<sockaddr>?, _ length: socklen_t, _ timeout: Duration) -> String? {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        if Glibc.connect(fd, address, length) == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)).lowercased() }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&poller, 1, max(1, milliseconds))
        guard ready > 0 else { return "no answer within \(milliseconds) ms" }
        var error: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size)
        return error == 0 ? nil : String(cString: strerror(error)).lowercased()
    }

    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw errno == EAGAIN || errno == EWOULDBLOCK ? Failure.timedOut : Failure.closed
            }
            offset += written
        }
    }

    /// One line without its CR LF, by `deadline` (each read is bounded by the timeout too).
    /// Lines longer than 64 KiB are not AMI.
    func readLine(by deadline: ContinuousClock.Instant? = nil) throws -> String {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard buffer.count < 65536 else { throw Failure.closed }
            if let deadline { try wait(until: deadline) }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                throw errno == EAGAIN || errno == EWOULDBLOCK ? Failure.timedOut : Failure.closed
            }
            if count == 0 { throw Failure.closed }
            buffer += chunk[..<count]
        }
    }

    /// Waits until there is something to read, or throws `.timedOut` at `deadline`.
    private func wait(until deadline: ContinuousClock.Instant) throws {
        while true {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { throw Failure.timedOut }
            let milliseconds = left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(clamping: max(1, milliseconds)))
            if ready > 0 { return }
            if ready < 0, errno != EINTR { throw Failure.closed }
        }
    }

    /// The lines up to the next blank line (blank lines before a packet are skipped), by
    /// `deadline` when given.
    func readPacket(by deadline: ContinuousClock.Instant? = nil) throws -> [String] {
        var lines: [String] = []
        while true {
            let line = try readLine(by: deadline)
            if line.isEmpty {
                if lines.isEmpty { continue }
                return lines
            }
            lines.append(line)
        }
    }
}
