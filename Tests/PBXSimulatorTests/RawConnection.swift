import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare loopback TCP connection, for what URLSession cannot do: stay idle, stop half-way
/// through a body, or write a whole body before reading anything.
final class RawConnection {
    private let fd: Int32

    /// `source` is a loopback address to connect from (any of 127.0.0.0/8 on Linux), so one
    /// test can play many clients.
    init(port: Int, source: String? = nil, timeoutSeconds: Int = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError("socket: \(errno)") }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(fd)
                throw RawConnectionError("bind \(source): \(errno)")
            }
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawConnectionError("connect: \(errno)")
        }
    }

    deinit { close(fd) }

    /// Writes everything, or throws when the peer stops reading for the whole send timeout.
    func send(_ data: Data) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard written > 0 else { throw RawConnectionError("send stalled or failed after \(offset) bytes (errno \(errno))") }
                offset += written
            }
        }
    }

    func send(_ text: String) throws { try send(Data(text.utf8)) }

    /// Tells the server nothing more will be sent (it answers what it has, then closes).
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Whether the server has closed the connection (what it sent before is skipped over).
    func isClosedByPeer() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count == 0 || errno == ECONNRESET || errno == EPIPE
        }
    }

    /// Sends a whole request (which should ask `Connection: close`) and returns the status
    /// and body of the answer.
    func exchange(_ request: String) throws -> (status: Int, body: String) {
        try send(request)
        let answer = String(decoding: try readUntilClosed(), as: UTF8.self)
        let statusLine = answer.components(separatedBy: "\r\n")[0]
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw RawConnectionError("not an HTTP answer: \(answer.prefix(80).debugDescription)")
        }
        let body = answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    /// Reads until an answer's head has arrived (or the peer closes).
    func readAnswerHead() throws -> String {
        var result = Data()
        var byte: UInt8 = 0
        while !result.ends(with: Data("\r\n\r\n".utf8)) {
            let count = recv(fd, &byte, 1, 0)
            guard count > 0 else {
                if count == 0 || errno == ECONNRESET { break }
                throw RawConnectionError("no answer within the timeout (errno \(errno))")
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Reads until the peer closes; throws if it neither sends nor closes within the timeout.
    func readUntilClosed() throws -> Data {
        var result = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return result }
            guard count > 0 else {
                if errno == ECONNRESET { return result }
                throw RawConnectionError("no close within the timeout (errno \(errno)); got \(result.count) bytes")
            }
            result.append(contentsOf: buffer[0..<count])
        }
    }
}

private extension Data {
    func ends(with suffix: Data) -> Bool { count >= suffix.count && self.suffix(suffix.count) == suffix }
}

struct RawConnectionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
