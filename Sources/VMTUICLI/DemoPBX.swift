import Foundation
import Logging
import PBXSimulator
import VoicemailClient

/// `--demo`: an in-process simulator with the demo mailboxes on a free loopback port, in a
/// fresh temporary folder (removed at the end) unless `--demo-data` keeps it. `--user` picks
/// the demo user (101 by default; 200 is the support desk that may open 101 and 102) and
/// `--mailbox` opens a shared mailbox directly. Every command accepts it.
enum DemoPBX {
    /// The demo's users and their display names (tokens are `demo-EXT`).
    static let users = ["101": "Alice Martin", "102": "Bob Nguyen", "103": "Dana Kowalski", "200": "Support Desk"]

    static func start(_ options: GlobalOptions, config: ConfigFile, logger: Logger) async throws -> BackendContext {
        let user = options.user ?? "101"
        guard let userName = users[user] else {
            let known = users.keys.sorted().joined(separator: ", ")
            throw CLIFailure(message: "the demo has no user \(user); try one of \(known)", code: ExitStatus.usage)
        }
        let fileManager = FileManager.default
        let dataDirectory: URL
        let temporary: Bool
        if let kept = options.demoData {
            dataDirectory = URL(fileURLWithPath: (kept as NSString).expandingTildeInPath, isDirectory: true)
            temporary = false
        } else {
            dataDirectory = fileManager.temporaryDirectory.appendingPathComponent(
                "vmtui-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))", isDirectory: true)
            temporary = true
        }
        do {
            try fileManager.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure(message: "cannot create the demo data folder \(dataDirectory.path)", code: ExitStatus.failure)
        }
        let removeData: @Sendable () -> Void = { if temporary { try? FileManager.default.removeItem(at: dataDirectory) } }
        let simulator: RunningSimulator
        do {
            simulator = try await Simulator.start(
                SimulatorOptions(dataDirectory: dataDirectory, host: "127.0.0.1", port: 0, seed: .demo))
        } catch {
            removeData()
            throw CLIFailure(
                message: "the demo PBX could not start: \(Sanitize.line(String(describing: error)))", code: ExitStatus.failure)
        }
        logger.info("demo PBX at \(simulator.baseURL) with data in \(dataDirectory.path)")
        let client = VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: simulator.baseURL, credentials: .bearer(token: "demo-\(user)"), mailbox: options.mailbox,
                userAgent: "vmtui/\(VMTUIVersion.string)", api: options.api ?? config.api ?? .auto),
            logger: logger)
        return BackendContext(
            backend: client,
            serverLabel: "demo PBX \(simulator.baseURL.host ?? "127.0.0.1"):\(simulator.baseURL.port ?? 0)",
            user: user, userName: userName, mailbox: options.mailbox, config: config, logger: logger,
            teardown: {
                await simulator.stop()
                removeData()
            })
    }
}
