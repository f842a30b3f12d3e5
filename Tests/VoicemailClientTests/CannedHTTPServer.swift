import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny loopback server for failure cases the simulator cannot produce: it answers every
/// request with fixed bytes, or accepts and never answers.
final class CannedHTTPServer: @unchecked Sendable {
    enum Behavior: Sendable {
        case respond(status: Int, headers: [String] = ["Content-Type: application/json"], body: String)
        case raw(String)
        case silent
    }

    let port: Int
    private let listener: Int32
    private let behavior: Behavior
    private let lock = NSLock()
    private var openConnections: [Int32] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(_ behavior: Behavior) throws {
        self.behavior = behavior
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 { break }
            lock.lock()
            if stopped {
                lock.unlock()
                close(connection)
                break
            }
            openConnections.append(connection)
            lock.unlock()
            readRequestHead(connection)
            switch behavior {
            case .silent:
                continue
            case .raw(let text):
                send(connection, text)
            case .respond(let status, let headers, let body):
                let head = (["HTTP/1.1 \(status) Canned", "Content-Length: \(body.utf8.count)", "Connection: close"] + headers)
                    .joined(separator: "\r\n")
                send(connection, head + "\r\n\r\n" + body)
            }
            shutdown(connection, Int32(SHUT_RDWR))
        }
        finished.signal()
    }

    private func readRequestHead(_ connection: Int32) {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            received += buffer[0..<count]
            if received.count >= 4, String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { return }
        }
    }

    private func send(_ connection: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    func stop() {
        lock.lock()
        guard !stopped else {
            lock.unlock()
            return
        }
        stopped = true
        let connections = openConnections
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in connections { close(connection) }
        _ = finished.wait(timeout: .now() + 5)
    }

    deinit { stop() }
}
