import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare loopback TCP connection, for what URLSession cannot do: stay idle, stop half-way
/// through a body, or write a whole body before reading anything.
final class RawConnection {
    private let fd: Int32

    init(port: Int, timeoutSeconds: Int = 20) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError("socket: \(errno)") }
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

struct RawConnectionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
