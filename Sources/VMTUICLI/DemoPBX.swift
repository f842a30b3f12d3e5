import ChildSpawn
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import VoicemailBackend
import VoicemailClient

#if canImport(Glibc)
    import Glibc
#endif

/// `--demo`: the `pbx-sim` executable installed beside vmtui, started with the demo mailboxes on
/// a free loopback port in a fresh temporary folder (removed at the end) unless `--demo-data`
/// keeps it. A separate process, so the simulator's server stack (SwiftNIO, Hummingbird) is
/// never loaded into vmtui itself. `--user` picks the demo user (101 by default; 200 is the
/// support desk that may open 101 and 102) and `--mailbox` opens a shared mailbox directly,
/// with `VMTUI_PIN` as for a real PBX (Bob's mailbox, 102, needs his PIN: `pass1`).
enum DemoPBX {
    /// The demo's users and their display names (tokens are `demo-EXT`).
    static let users = ["101": "Alice Martin", "102": "Bob Nguyen", "103": "Dana Kowalski", "200": "Support Desk"]

    static func start(
        _ options: GlobalOptions, config: ConfigFile, environment: [String: String], logger: Logger
    ) async throws -> BackendContext {
        let user = options.user ?? "101"
        guard let userName = users[user] else {
            let known = users.keys.sorted().joined(separator: ", ")
            throw CLIFailure(message: "the demo has no user \(user); try one of \(known)", code: ExitStatus.usage)
        }
        let fileManager = FileManager.default
        // A private work folder for the simulator's log (and its data, unless --demo-data).
        let work = fileManager.temporaryDirectory.appendingPathComponent(
            "vmtui-demo-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        let dataDirectory = options.demoData.map {
            URL(fileURLWithPath: Paths.expandTilde($0, environment: environment), isDirectory: true)
        } ?? work.appendingPathComponent("data", isDirectory: true)
        do {
            try fileManager.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fileManager.createDirectory(
                at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CLIFailure(message: "cannot create the demo data folder \(dataDirectory.path)", code: ExitStatus.failure)
        }
        let removeWork: @Sendable () -> Void = { try? FileManager.default.removeItem(at: work) }
        let simulator: SimulatorChild
        do {
            simulator = try await SimulatorChild.launch(
                dataDirectory: dataDirectory, logFile: work.appendingPathComponent("pbx-sim.log"))
        } catch {
            removeWork()
            throw error
        }
        logger.info("demo PBX at \(simulator.baseURL) with data in \(dataDirectory.path)")
        // The PIN of the mailbox opened with --mailbox, exactly as for --server.
        let pin = SecretSource(environment: environment, tokenCommand: nil, passwordCommand: nil).pin
        let pins = options.mailbox.flatMap { mailbox in pin.map { [mailbox: $0] } } ?? [:]
        let client = VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: simulator.baseURL, credentials: .bearer(token: "demo-\(user)"), mailbox: options.mailbox,
                pins: pins, userAgent: "vmtui/\(VMTUIVersion.string)", api: options.api ?? config.connection.api ?? .auto),
            logger: logger)
        return BackendContext(
            backend: client,
            serverLabel: "demo PBX \(simulator.baseURL.host ?? "127.0.0.1"):\(simulator.baseURL.port ?? 0)",
            user: user, userName: userName, mailbox: options.mailbox, config: config, logger: logger,
            teardown: {
                await simulator.stop()
                removeWork()
            })
    }
}

/// A `pbx-sim` child process. Its standard input is a pipe from vmtui, so it ends with vmtui
/// however vmtui ends (`--exit-with-stdin`); its log goes to a file in the data folder, never
/// to the screen. Started like every child (`Spawner`): in a group of its own, registered so
/// every exit path ends it.
final class SimulatorChild: Sendable {
    let baseURL: URL
    private let pid: pid_t
    /// vmtui's end of the simulator's stdin; closing it tells the simulator to go.
    private let stdinWriter: Int32

    private init(baseURL: URL, pid: pid_t, stdinWriter: Int32) {
        self.baseURL = baseURL
        self.pid = pid
        self.stdinWriter = stdinWriter
    }

    /// `pbx-sim` next to the running vmtui (how scripts/install and `swift build` place them),
    /// else on PATH.
    static func executable() -> URL? {
        let own = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0])
        let sibling = own.deletingLastPathComponent().appendingPathComponent("pbx-sim")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("pbx-sim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func launch(dataDirectory: URL, logFile: URL) async throws -> SimulatorChild {
        guard let executable = executable() else {
            throw CLIFailure(
                message: "the demo needs pbx-sim beside vmtui or on PATH (scripts/install puts both there)",
                code: ExitStatus.failure)
        }
        let arguments = [
            "pbx-sim", "--data", dataDirectory.path, "--seed", "demo", "--host", "127.0.0.1", "--port", "0",
            "--exit-with-stdin", "--log-file", logFile.path,
        ]
        let pid: pid_t
        let input: (read: Int32, write: Int32)
        let output: (read: Int32, write: Int32)
        do {
            input = try Spawner.pipe()
            do { output = try Spawner.pipe() } catch {
                close(input.read)
                close(input.write)
                throw error
            }
            defer {
                close(input.read)
                close(output.write)
            }
            do {
                pid = try Spawner.spawn(
                    path: executable.path, arguments: arguments, environment: ProcessInfo.processInfo.environment,
                    stdin: .descriptor(input.read), stdout: .descriptor(output.write), stderr: .nullDevice)
            } catch {
                close(input.write)
                close(output.read)
                throw error
            }
        } catch {
            throw CLIFailure(message: "the demo PBX could not start: \(TerminalSafe.errorDetail("\(error)"))", code: ExitStatus.failure)
        }
        // The first line is "listening on http://127.0.0.1:PORT"; anything else means it failed.
        let reader = output.read
        let line = await Task.detached { Self.firstLine(of: reader) }.value
        close(output.read)
        guard let range = line.firstRange(of: "http://"), let url = URL(string: String(line[range.lowerBound...])) else {
            close(input.write)
            kill(-pid, SIGTERM)
            _ = Spawner.wait(pid)
            let log = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            let reason = log.split(separator: "\n").last.map { ": " + TerminalSafe.errorDetail(String($0)) } ?? ""
            throw CLIFailure(message: "the demo PBX could not start\(reason)", code: ExitStatus.failure)
        }
        return SimulatorChild(baseURL: url, pid: pid, stdinWriter: input.write)
    }

    private static func firstLine(of descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < 512 {
            let count = read(descriptor, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1, byte != UInt8(ascii: "\n") else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func stop() async {
        close(stdinWriter)
        // The whole group: whatever the simulator started goes with it.
        kill(-pid, SIGTERM)
        await Task.detached { [pid] in _ = Spawner.wait(pid) }.value
    }
}
