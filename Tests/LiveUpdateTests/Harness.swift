import AppCore
import Foundation
import Logging
import PBXSimulator
import Synchronization
import TestSupport
import VMTUIRuntime
import VoicemailClient
import VoicemailModel
import XCTest

/// An in-process pbx-sim on a free loopback port in a temporary folder, counting every
/// request it answers.
final class LivePBX: @unchecked Sendable {
    let directory: TemporaryDirectory
    let simulator: RunningSimulator
    private let records = RecordLog()

    /// `pinRequired`: extensions whose mailbox needs the owner's PIN (users.json is written
    /// before the first start, the demo users otherwise).
    init(pinRequired: Set<String> = []) async throws {
        directory = try TemporaryDirectory(prefix: "vmtui-live")
        if !pinRequired.isEmpty {
            let users: [[String: Any]] = [
                ["extension": "101", "name": "Alice Martin", "webPassword": "pass101", "apiToken": "demo-101",
                 "groups": ["customers"], "pinRequired": pinRequired.contains("101")],
                ["extension": "102", "name": "Bob Nguyen", "webPassword": "pass102", "apiToken": "demo-102",
                 "groups": ["customers"], "pinRequired": pinRequired.contains("102")],
                ["extension": "103", "name": "Dana Kowalski", "webPassword": "pass103", "apiToken": "demo-103",
                 "groups": ["staff"]],
                ["extension": "200", "name": "Support Desk", "webPassword": "pass200", "apiToken": "demo-200",
                 "groups": ["staff"], "canSeeVoicemailOfGroups": ["customers"]],
            ]
            let data = try JSONSerialization.data(withJSONObject: ["users": users], options: [.prettyPrinted])
            try data.write(to: directory.appending("users.json"))
        }
        var options = SimulatorOptions(
            dataDirectory: directory.url, host: "127.0.0.1", port: 0, seed: pinRequired.isEmpty ? .demo : nil)
        let records = self.records
        options.onRequest = { record in records.entries.withLock { $0.append(record) } }
        simulator = try await Simulator.start(options)
    }

    func stop() async {
        await simulator.stop()
        directory.remove()
    }

    func client(token: String, mailbox: String? = nil, pins: [String: String] = [:]) -> VoicemailClient {
        VoicemailClient(configuration: ClientConfiguration(
            serverURL: simulator.baseURL, credentials: .bearer(token: token), mailbox: mailbox, pins: pins))
    }

    /// Requests answered since the last call.
    func takeRecords() -> [RequestRecord] {
        records.entries.withLock { all in
            defer { all.removeAll() }
            return all
        }
    }

    /// A caller leaves a message in `mailbox`.
    @discardableResult
    func deposit(into mailbox: String, callerName: String, callerNumber: String) async throws -> VoicemailMessage {
        let wav = directory.appending("deposit-\(UUID().uuidString).wav")
        try Self.silence(seconds: 1).write(to: wav)
        defer { try? FileManager.default.removeItem(at: wav) }
        return try await client(token: "demo-103").deposit(
            mailbox: mailbox, audioFile: wav, callerName: callerName, callerNumber: callerNumber)
    }

    /// A valid 8 kHz mono 16-bit WAV of silence.
    static func silence(seconds: Int) -> Data {
        let samples = 8000 * seconds
        var data = Data("RIFF".utf8)
        func le32(_ v: Int) { withUnsafeBytes(of: UInt32(v).littleEndian) { data.append(contentsOf: $0) } }
        func le16(_ v: Int) { withUnsafeBytes(of: UInt16(v).littleEndian) { data.append(contentsOf: $0) } }
        le32(36 + samples * 2)
        data.append(contentsOf: Array("WAVEfmt ".utf8))
        le32(16); le16(1); le16(1); le32(8000); le32(16000); le16(2); le16(16)
        data.append(contentsOf: Array("data".utf8))
        le32(samples * 2)
        data.append(Data(count: samples * 2))
        return data
    }
}

final class RecordLog: Sendable {
    let entries = Mutex<[RequestRecord]>([])
}

/// The screen without a terminal: AppCore's state fed by the real effect runner against the
/// simulator, one effect at a time, until nothing is left to do.
final class HeadlessScreen {
    var state: AppState
    let runner: ClientEffectRunner
    /// Effects that are not requests (bell, announcements), in order.
    private(set) var notices: [Effect] = []
    private var queue: [Effect]

    init(pbx: LivePBX, token: String, user: String, mailbox: String? = nil, pins: [String: String] = [:],
         hook: NewMessageHook? = nil, bell: Bool = false) async {
        let config = {
            var config = AppConfig(server: "pbx-sim", user: user, mailbox: mailbox, timeZone: TimeZone(identifier: "UTC")!,
                                   autoRefreshSeconds: 2)
            config.bell = bell
            return config
        }()
        runner = ClientEffectRunner(
            client: pbx.client(token: token, mailbox: mailbox, pins: pins),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }), hook: hook)
        var effects: [Effect]
        (state, effects) = App.initial(config: config, now: Date())
        effects += App.update(&state, .input(.resize(TerminalSize(width: 100, height: 30))))
        queue = effects
        await settle()
    }

    /// Runs queued effects (and those their answers ask for) until none is left.
    func settle() async {
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .bell, .list(.announceNewMessage):
                notices.append(effect)
            default:
                break
            }
            guard let event = await runner.run(effect) else { continue }
            queue += App.update(&state, event)
        }
    }

    func send(_ event: AppEvent) async {
        queue += App.update(&state, event)
        await settle()
    }

    func press(_ keys: Key...) async {
        for key in keys { await send(.input(.key(key))) }
    }

    func type(_ text: String) async {
        for c in text { await send(.input(.key(.character(c)))) }
    }

    /// One auto refresh: a tick past the interval.
    func tickRefresh() async {
        await send(.tick(state.lastRefresh.addingTimeInterval(3)))
    }

    var visibleIDs: [String] { (0..<state.visibleCount).map { state.visibleMessage(at: $0).id } }

    var screenText: String { App.view(state, size: state.size).text() }

    func takeNotices() -> [Effect] {
        defer { notices = [] }
        return notices
    }
}
