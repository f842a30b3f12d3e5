import AsteriskSpoolFormat
import FoundationEssentials
import Glibc
import Synchronization
import VoicemailModel

/// Where and as whom to reach the Asterisk Manager Interface.
public struct AMIConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String
    public var secret: String
    /// For each step: connect, each answer (however many unrelated events arrive meanwhile).
    public var timeout: Duration
    /// Told once per endpoint when the secret had to go in clear to a host that is not this
    /// machine (an AMI without the MD5 challenge login).
    public var warn: (@Sendable (String) -> Void)?

    public init(
        host: String, port: Int = 5038, username: String, secret: String, timeout: Duration = .seconds(3),
        warn: (@Sendable (String) -> Void)? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.secret = secret
        self.timeout = timeout
        self.warn = warn
    }

    public static func == (lhs: AMIConfiguration, rhs: AMIConfiguration) -> Bool {
        lhs.host == rhs.host && lhs.port == rhs.port && lhs.username == rhs.username && lhs.secret == rhs.secret
            && lhs.timeout == rhs.timeout
    }

    /// A host whose traffic never leaves this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        let name = String(lowered.drop { $0 == "[" || $0 == "]" }.reversed().drop { $0 == "[" || $0 == "]" }.reversed())
        if name == "localhost" || name.hasSuffix(".localhost") || name == "::1" { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The warning for a secret sent in clear; nil when the host is this machine.
    public func clearSecretWarning() -> String? {
        Self.isLoopback(host) ? nil
            : "your AMI secret goes to \(endpoint) in clear (this AMI offers no MD5 challenge login)"
    }

    /// "127.0.0.1:5038", "pbx.example.com" (port 5038), "[::1]:5038"; nil when malformed.
    public static func parseEndpoint(_ text: String) -> (host: String, port: Int)? {
        let trimmed = text.trimmingBlanks
        guard !trimmed.isEmpty, !trimmed.contains("/") else { return nil }
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { return nil }
            let host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            if rest.isEmpty { return host.isEmpty ? nil : (host, 5038) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), (1...65535).contains(port), !host.isEmpty else { return nil }
            return (host, port)
        }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return (trimmed, 5038)
        case 2:
            guard !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
            return (String(parts[0]), port)
        default: return nil
        }
    }

    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// What went wrong with AMI, as one line.
public enum AMIError: Error, Equatable, CustomStringConvertible {
    case unreachable(endpoint: String, reason: String)
    case notAMI(endpoint: String)
    case loginRefused(endpoint: String, user: String, message: String)
    case actionFailed(action: String, message: String)
    case timedOut(endpoint: String)
    case connectionLost(endpoint: String)

    public var description: String {
        switch self {
        case .unreachable(let endpoint, let reason): "AMI at \(endpoint) unreachable (\(reason))"
        case .notAMI(let endpoint): "\(endpoint) does not speak the Asterisk Manager Interface"
        case .loginRefused(let endpoint, let user, let message): "AMI at \(endpoint) refused the login of \(user) (\(message))"
        case .actionFailed(let action, let message): "AMI \(action) failed (\(message))"
        case .timedOut(let endpoint): "AMI at \(endpoint) did not answer in time"
        case .connectionLost(let endpoint): "AMI at \(endpoint) closed the connection"
        }
    }
}

/// One logged-in AMI session. Actions are answered in order; events that arrive in between
/// (even with `Events: off` some are sent) are skipped by ActionID, and each answer is
/// awaited at most `timeout` however many of them arrive.
public final class AMIClient {
    private let connection: AMIConnection
    private let configuration: AMIConfiguration
    private var nextActionID = 1
    /// The banner's version ("Asterisk Call Manager/9.0.0" → "9.0.0").
    public private(set) var protocolVersion: String = ""
    /// False when the MD5 challenge login was used (the secret never crossed the connection).
    public private(set) var sentSecretInClear = false
    /// Endpoints already warned of in this process: the warning is said once, not per change.
    private static let warned = Mutex<Set<String>>([])

    /// Actions that answer `Response: Success` even when they failed; the outcome is in `Message`.
    static let successMeansLittle: Set<String> = ["voicemailmove", "voicemailremove", "voicemailforward"]

    /// Connects, reads the banner and logs in.
    public init(_ configuration: AMIConfiguration) throws {
        self.configuration = configuration
        do {
            connection = try AMIConnection(host: configuration.host, port: configuration.port, timeout: configuration.timeout)
        } catch AMIConnection.Failure.unreachable(let reason) {
            throw AMIError.unreachable(endpoint: configuration.endpoint, reason: reason)
        }
        let banner = try mapped { try connection.readLine() }
        guard banner.hasPrefix("Asterisk Call Manager/") else { throw AMIError.notAMI(endpoint: configuration.endpoint) }
        protocolVersion = String(banner.dropFirst("Asterisk Call Manager/".count))
        let answer = try logIn()
        guard answer.response?.lowercased() == "success" else {
            throw AMIError.loginRefused(
                endpoint: configuration.endpoint, user: configuration.username, message: answer.message ?? "no reason given")
        }
    }

    /// The MD5 challenge login where the AMI offers it (the key is the MD5 of the challenge
    /// followed by the secret), else the secret itself.
    private func logIn() throws -> AMIMessage {
        let challenge = try send("Challenge", [("AuthType", "MD5")])
        if challenge.response?.lowercased() == "success", let nonce = challenge["Challenge"], !nonce.isEmpty {
            return try send("Login", [
                ("Username", configuration.username), ("AuthType", "MD5"), ("Key", MD5.hex(nonce + configuration.secret)),
                ("Events", "off"),
            ])
        }
        sentSecretInClear = true
        if let warning = configuration.clearSecretWarning(), let warn = configuration.warn,
            Self.warned.withLock({ $0.insert(configuration.endpoint).inserted })
        {
            warn(warning)
        }
        return try send("Login", [("Username", configuration.username), ("Secret", configuration.secret), ("Events", "off")])
    }

    /// Sends one action and returns its answer; `Response: Error` (or a failure hidden in a
    /// Success, see `successMeansLittle`) throws `.actionFailed`.
    @discardableResult
    public func action(_ name: String, _ fields: KeyValuePairs<String, String> = [:]) throws -> AMIMessage {
        let answer = try send(name, fields.map { ($0.key, $0.value) })
        let message = answer.message ?? ""
        if answer.response?.lowercased() != "success" {
            throw AMIError.actionFailed(action: name, message: message.isEmpty ? "no reason given" : message)
        }
        if Self.successMeansLittle.contains(name.lowercased()), message.lowercased().contains("fail") {
            throw AMIError.actionFailed(action: name, message: message)
        }
        return answer
    }

    /// An action that answers with a list: `Response: Success` + `EventList: start`, the
    /// items as events, then a `…Complete` event with `ListItems: N`. Returns the items.
    /// A Success without `EventList: start` is an empty list (VoicemailBoxSummary answers so
    /// for an unknown mailbox).
    public func list(_ name: String, _ fields: KeyValuePairs<String, String> = [:]) throws -> [AMIMessage] {
        let actionID = try write(name, fields.map { ($0.key, $0.value) })
        let answer = try readAnswer(actionID)
        guard answer.response?.lowercased() == "success" else {
            throw AMIError.actionFailed(action: name, message: answer.message ?? "no reason given")
        }
        guard answer["EventList"]?.lowercased() == "start" else { return [] }
        var items: [AMIMessage] = []
        var deadline = ContinuousClock.now + configuration.timeout
        while true {
            let packet = AMIMessage(lines: try mapped { try connection.readPacket(by: deadline) })
            guard packet["ActionID"] == actionID else { continue }
            deadline = ContinuousClock.now + configuration.timeout
            let complete = packet["EventList"]?.lowercased() == "complete" || (packet.event?.hasSuffix("Complete") ?? false)
            if complete {
                if let count = packet["ListItems"].flatMap(Int.init), count != items.count {
                    throw AMIError.actionFailed(action: name, message: "announced \(count) items, sent \(items.count)")
                }
                return items
            }
            items.append(packet)
        }
    }

    /// Says goodbye; errors are of no interest at that point.
    public func logoff() {
        _ = try? send("Logoff", [])
    }

    private func send(_ name: String, _ fields: [(key: String, value: String)]) throws -> AMIMessage {
        try readAnswer(try write(name, fields))
    }

    private func write(_ name: String, _ fields: [(key: String, value: String)]) throws -> String {
        let actionID = "vmtui-\(nextActionID)"
        nextActionID += 1
        var packet: [(key: String, value: String)] = [("Action", name), ("ActionID", actionID)]
        packet += fields
        try mapped { try connection.write(AMIMessage(packet).encoded()) }
        return actionID
    }

    /// The first packet with a `Response` for `actionID`; events and other answers are
    /// skipped, but only until `timeout` has passed (an AMI busy with other events must not
    /// hold a change that is already made).
    private func readAnswer(_ actionID: String) throws -> AMIMessage {
        let deadline = ContinuousClock.now + configuration.timeout
        while true {
            let packet = AMIMessage(lines: try mapped { try connection.readPacket(by: deadline) })
            if packet.response != nil, packet["ActionID"] == actionID || packet["ActionID"] == nil { return packet }
        }
    }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch AMIConnection.Failure.timedOut {
            throw AMIError.timedOut(endpoint: configuration.endpoint)
        } catch AMIConnection.Failure.closed {
            throw AMIError.connectionLost(endpoint: configuration.endpoint)
        }
    }
}

/// Tells Asterisk a mailbox changed behind its back so the phones' message lights follow.
public struct AMINotifier: Sendable {
    public let configuration: AMIConfiguration

    public init(_ configuration: AMIConfiguration) {
        self.configuration = configuration
    }

    /// One connection, one `VoicemailRefresh` per mailbox, logoff. Throws `AMIError`.
    public func refresh(context: String, mailboxes: [String]) throws {
        let client = try AMIClient(configuration)
        defer { client.logoff() }
        for mailbox in mailboxes {
            try client.action("VoicemailRefresh", ["Context": context, "Mailbox": mailbox])
        }
    }
}
