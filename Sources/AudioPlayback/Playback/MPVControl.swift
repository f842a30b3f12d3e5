import Dispatch
import FoundationEssentials
import Glibc
import SystemBasics

/// mpv's JSON IPC (`--input-ipc-server`): one request per line, answered by a line with the
/// same request_id; event lines in between are skipped. Blocking socket I/O runs on a
/// private serial queue so callers only await.
final class MPVControl: @unchecked Sendable {
    private let socketPath: String
    private let queue = DispatchQueue(label: "vmtui.mpv-ipc")
    private var fd: Int32 = -1
    private var nextID = 1
    private var pending = [UInt8]()

    init(socketPath: String) {
        self.socketPath = socketPath
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    /// Connects, retrying while mpv starts up (it creates the socket early in start-up).
    func connect(while isAlive: @escaping @Sendable () -> Bool) async -> Bool {
        for _ in 0..<300 {
            if await run({ $0.tryConnect() }) { return true }
            guard isAlive(), !Task.isCancelled else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    func getDouble(_ property: String) async -> Double? {
        let reply = await command(["get_property", .string(property)])
        return LooseJSON.double(reply?["data"])
    }

    @discardableResult
    func setPause(_ paused: Bool) async -> Bool {
        await succeeded(command(["set_property", "pause", .bool(paused)]))
    }

    @discardableResult
    func seek(by seconds: Double) async -> Bool {
        await succeeded(command(["seek", .number(seconds), "relative"]))
    }

    /// Plays faster or slower (mpv keeps the pitch: its `audio-pitch-correction` is on by default).
    @discardableResult
    func setSpeed(_ speed: Double) async -> Bool {
        await succeeded(command(["set_property", "speed", .number(speed)]))
    }

    @discardableResult
    func quit() async -> Bool {
        await succeeded(command(["quit"]))
    }

    func disconnect() {
        queue.async { [self] in
            if fd >= 0 {
                close(fd)
                fd = -1
            }
        }
    }

    private func succeeded(_ reply: [String: Any]?) -> Bool {
        (reply?["error"] as? String) == "success"
    }

    private func command(_ words: [MPVValue]) async -> [String: Any]? {
        let box: SendableReply = await run { control in SendableReply(control.send(words.map(\.json))) }
        return box.value
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable (MPVControl) -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: body(self)) }
        }
    }

    // MARK: On the queue

    private func tryConnect() -> Bool {
        if fd >= 0 { return true }
        let socketFD = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketFD >= 0 else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(socketPath.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(socketFD)
            return false
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            close(socketFD)
            return false
        }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socketFD, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        fd = socketFD
        pending = []
        return true
    }

    private func send(_ words: [Any]) -> [String: Any]? {
        guard fd >= 0 else { return nil }
        let id = nextID
        nextID += 1
        guard var line = LooseJSON.bytes(["command": words, "request_id": id]) else { return nil }
        line.append(0x0A)
        let sent = line.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == line.count else {
            dropConnection()
            return nil
        }
        // Read lines until our answer; events and stale answers are skipped.
        for _ in 0..<200 {
            guard let reply = readLine() else {
                dropConnection()
                return nil
            }
            guard let object = LooseJSON.object(reply) else { continue }
            if LooseJSON.int(object["request_id"]) == id { return object }
        }
        return nil
    }

    private func readLine() -> Data? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return line
            }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            pending.append(contentsOf: buffer[0..<count])
        }
    }

    private func dropConnection() {
        if fd >= 0 {
            close(fd)
            fd = -1
        }
    }
}

/// The values an mpv command is made of.
enum MPVValue: Sendable, ExpressibleByStringLiteral {
    case string(String)
    case number(Double)
    case bool(Bool)

    init(stringLiteral value: String) { self = .string(value) }

    var json: Any {
        switch self {
        case .string(let value): value
        case .number(let value): value
        case .bool(let value): value
        }
    }
}

/// JSON objects from LooseJSON are not Sendable; this carries one across the queue hop.
private struct SendableReply: @unchecked Sendable {
    let value: [String: Any]?
    init(_ value: [String: Any]?) { self.value = value }
}
