import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tiny loopback server for failure cases the simulator cannot produce: it answers every
/// request with fixed bytes, accepts and never answers, or hands each request to a handler.
final class CannedHTTPServer: Sendable {
    enum Behavior: Sendable {
        case respond(status: Int, headers: [String] = ["Content-Type: application/json"], body: String)
        case raw(String)
        case silent
        case handler(@Sendable (CannedRequest) -> CannedResponse)
    }

    let port: Int
    private let listener: Int32
    private let behavior: Behavior
    /// The connections to close on `stop`, and whether it came.
    private let connections = Mutex((open: [Int32](), stopped: false))
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
            let accepted = connections.withLock { state in
                if !state.stopped { state.open.append(connection) }
                return !state.stopped
            }
            if !accepted {
                close(connection)
                break
            }
            let request = readRequest(connection)
            switch behavior {
            case .handler(let handle):
                guard let request else { break }
                let response = handle(request)
                let head = (["HTTP/1.1 \(response.status) Canned", "Content-Length: \(response.body.count)", "Connection: close"]
                    + response.headers).joined(separator: "\r\n")
                send(connection, Array((head + "\r\n\r\n").utf8) + [UInt8](response.body))
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

    /// The request line, headers and (by Content-Length) body; nil when the peer went away.
    private func readRequest(_ connection: Int32) -> CannedRequest? {
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headEnd: Int?
        while headEnd == nil, received.count < 65536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            received += buffer[0..<count]
            if let range = received.firstRange(of: Array("\r\n\r\n".utf8)) { headEnd = range.upperBound }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: received[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2 else { return nil }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() where line.contains(":") {
            let colon = line.firstIndex(of: ":")!
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let length = headers.first { $0.0 == "content-length" }.flatMap { Int($0.1) } ?? 0
        var body = Array(received[headEnd...])
        while body.count < length {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { break }
            body += buffer[0..<count]
        }
        return CannedRequest(method: String(parts[0]), target: String(parts[1]), headers: headers, body: Data(body))
    }

    private func send(_ connection: Int32, _ text: String) {
        send(connection, Array(text.utf8))
    }

    private func send(_ connection: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    func stop() {
        let open: [Int32]? = connections.withLock { state in
            guard !state.stopped else { return nil }
            state.stopped = true
            return state.open
        }
        guard let open else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for connection in open { close(connection) }
        _ = finished.wait(timeout: .now() + 5)
    }

    deinit { stop() }
}

struct CannedRequest: Sendable {
    var method: String
    /// Path and query as sent ("/api/v1/VoiceMail?start=0").
    var target: String
    /// Lower-cased names.
    var headers: [(String, String)]
    var body: Data

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }

    var query: [String: String] {
        guard let components = URLComponents(string: target) else { return [:] }
        var result: [String: String] = [:]
        for item in components.queryItems ?? [] { result[item.name] = item.value ?? "" }
        return result
    }

    func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }
}

struct CannedResponse: Sendable {
    var status: Int
    var headers: [String] = ["Content-Type: application/json"]
    var body: Data

    static func json(_ status: Int, _ text: String, headers: [String] = []) -> CannedResponse {
        CannedResponse(status: status, headers: ["Content-Type: application/json"] + headers, body: Data(text.utf8))
    }
}
