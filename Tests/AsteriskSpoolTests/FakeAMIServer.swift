@testable import AsteriskSpool
import Foundation
import Synchronization
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// A loopback AMI server that speaks just enough: the banner, Login (one user/secret, in
/// clear or, when it has a `challenge`, by Asterisk's MD5 challenge), VoicemailRefresh, a
/// list action, Logoff. It records every packet it receives.
final class FakeAMIServer: Sendable {
    let port: Int
    private let listener: Int32
    private let received = Mutex<[[String: String]]>([])
    private let stopped = Mutex(false)
    let username: String
    let secret: String
    /// Sent between the answer and the next packet, to prove events are skipped.
    let noiseEvents = true
    /// The nonce `Challenge` (AuthType MD5) answers; nil: an AMI without the challenge login.
    let challenge: String?
    /// Actions never answered: the server sends unrelated events instead, without end.
    let floods: Set<String>

    init(username: String = "vmtui", secret: String = "s3cret", challenge: String? = nil, floods: Set<String> = []) throws {
        self.username = username
        self.secret = secret
        self.challenge = challenge
        self.floods = floods
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Once only: a second close could hit a descriptor number another test opened since.
    func stop() {
        guard stopped.withLock({ was in defer { was = true }; return !was }) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    deinit { stop() }

    var packets: [[String: String]] { received.withLock { $0 } }

    func actions(_ name: String) -> [[String: String]] { packets.filter { $0["Action"] == name } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { close(fd) }
        send(fd, "Asterisk Call Manager/9.0.0\r\n")
        var buffer = ""
        var loggedIn = false
        while true {
            var chunk = [UInt8](repeating: 0, count: 1024)
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return }
            buffer += String(decoding: chunk[..<count], as: UTF8.self)
            while let end = buffer.range(of: "\r\n\r\n") {
                let block = String(buffer[..<end.lowerBound])
                buffer.removeSubrange(..<end.upperBound)
                var packet: [String: String] = [:]
                for line in block.components(separatedBy: "\r\n") {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    packet[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                received.withLock { $0.append(packet) }
                let id = packet["ActionID"].map { "ActionID: \($0)\r\n" } ?? ""
                if noiseEvents { send(fd, "Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n") }
                let md5Key = challenge.map { MD5.hex($0 + secret) }
                switch packet["Action"] ?? "" {
                case "Challenge" where challenge != nil && packet["AuthType"]?.lowercased() == "md5":
                    send(fd, "Response: Success\r\n\(id)Challenge: \(challenge ?? "")\r\n\r\n")
                case "Login" where packet["AuthType"]?.lowercased() == "md5":
                    if packet["Username"] == username && md5Key != nil && packet["Key"] == md5Key {
                        loggedIn = true
                        send(fd, "Response: Success\r\n\(id)Message: Authentication accepted\r\n\r\n")
                    } else {
                        send(fd, "Response: Error\r\n\(id)Message: Authentication failed\r\n\r\n")
                        return
                    }
                case "Login":
                    if packet["Username"] == username && packet["Secret"] == secret {
                        loggedIn = true
                        send(fd, "Response: Success\r\n\(id)Message: Authentication accepted\r\n\r\n")
                    } else {
                        send(fd, "Response: Error\r\n\(id)Message: Authentication failed\r\n\r\n")
                        return
                    }
                case "Logoff":
                    send(fd, "Response: Goodbye\r\n\(id)Message: Thanks for all the fish.\r\n\r\n")
                    return
                case _ where !loggedIn:
                    send(fd, "Response: Error\r\n\(id)Message: Permission denied\r\n\r\n")
                case let action where floods.contains(action):
                    // Busy with everything but this action, until the client goes or the test ends.
                    var sequence = 0
                    while !stopped.withLock({ $0 }) {
                        sequence += 1
                        guard send(fd, "Event: Newexten\r\nPrivilege: dialplan,all\r\nUniqueid: \(sequence)\r\n\r\n") else { return }
                        usleep(20_000)
                    }
                    return
                case "VoicemailRefresh":
                    send(fd, "Response: Success\r\n\(id)Message: Refresh sent\r\n\r\n")
                case "VoicemailMove":
                    send(fd, "Response: Success\r\n\(id)Message: Message move failed\r\n\r\n")
                case "VoicemailUsersList":
                    send(fd, "Response: Success\r\n\(id)EventList: start\r\nMessage: Voicemail user list will follow\r\n\r\n")
                    for box in ["101", "102"] {
                        send(fd, "Event: VoicemailUserEntry\r\n\(id)VMContext: default\r\nVoiceMailbox: \(box)\r\n\r\n")
                        send(fd, "Event: Other\r\nActionID: someone-else\r\n\r\n")
                    }
                    send(fd, "Event: VoicemailUserEntryComplete\r\n\(id)EventList: Complete\r\nListItems: 2\r\n\r\n")
                case "VoicemailBoxSummary":
                    send(fd, "Response: Success\r\n\(id)Message: There is no voicemail user of the given info.\r\n\r\n")
                default:
                    send(fd, "Response: Error\r\n\(id)Message: Invalid/unknown command\r\n\r\n")
                }
            }
        }
    }

    @discardableResult
    private func send(_ fd: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)
        return Glibc.send(fd, &bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count
    }
}
