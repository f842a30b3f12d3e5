import AppCore
import ArgumentParser
import Foundation
import Logging
import PBXSimulator
import Themes
import VMTUIRuntime
import VoicemailClient

/// Options that only the full-screen interface uses.
public struct ScreenOptions: ParsableArguments, Sendable {
    @Flag(help: "Run against a built-in demo PBX (no server needed).")
    public var demo = false

    @Option(name: .customLong("demo-data"), help: ArgumentHelp("Keep the demo PBX's data in this directory.", valueName: "DIR"))
    public var demoData: String?

    @Option(help: ArgumentHelp("Colour theme: default, light, high-contrast, monochrome or a user theme.", valueName: "NAME"))
    public var theme: String?

    @Option(help: ArgumentHelp("Audio player command.", valueName: "CMD"))
    public var player: String?

    public init() {}
}

/// Opens the full-screen interface (`vmtui` with no subcommand). Everything that can be
/// checked is checked before the screen opens, so those failures are one line on stderr
/// with the terminal untouched; later failures show in the status line.
func launchScreen(global: GlobalOptions, screen: ScreenOptions) async throws {
    var exit: LoopExit = .quit
    var themeProblem: ThemeError?
    try await CLI.run {
        var environment = ProcessInfo.processInfo.environment
        let config = try ClientFactory.loadConfig(global, environment: environment)
        for warning in config.warnings { Terminal.printError("warning: \(warning)") }
        if environment["VMTUI_LOG"] == nil, config.logFile == nil {
            environment["VMTUI_LOG"] = ScreenLaunch.defaultLogPath(environment: environment)
        }
        let logger = ClientFactory.makeLogger(config: config, environment: environment)
        let (theme, problem) = ThemeLoader.loadOrDefault(name: screen.theme ?? config.theme, environment: environment)
        themeProblem = problem
        if let problem { logger.warning("\(problem)") }

        if screen.demo {
            exit = try await ScreenLaunch.runDemo(
                global: global, screen: screen, config: config, theme: theme, themeProblem: problem, environment: environment,
                logger: logger)
        } else {
            let context = try ClientFactory.make(global, config: config, environment: environment)
            var appConfig = ScreenLaunch.appConfig(
                server: context.configuration.serverURL, user: context.configuration.credentials.user,
                mailbox: context.configuration.mailbox, config: config)
            if let problem { appConfig.configErrors.append(problem.description) }
            let runner = ClientEffectRunner(
                client: context.client, logger: logger, hook: ScreenLaunch.newMessageHook(config, environment: environment),
                audio: ScreenLaunch.audioRunner(context.client, screen: screen, config: config, environment: environment, logger: logger))
            exit = try await ScreenLaunch.run(appConfig, theme: theme, environment: environment, logger: logger, runner: runner)
        }
    }
    // Shown in the status line already; repeated here so it outlives the screen.
    if let themeProblem { Terminal.printError("warning: \(themeProblem)") }
    if case .signal(let signal) = exit { throw ExitCode(128 + signal) }
}

enum ScreenLaunch {
    static func run(
        _ appConfig: AppConfig, theme: Theme, environment: [String: String], logger: Logger, runner: EffectRunner
    ) async throws -> LoopExit {
        do {
            return try await ScreenSession.run(
                .init(config: appConfig, theme: theme, environment: environment, logger: logger), runner: runner)
        } catch {
            throw CLIFailure(message: error.message, code: ExitStatus.failure)
        }
    }

    /// The demo's users and their display names (tokens are `demo-EXT`).
    static let demoUsers = ["101": "Alice Martin", "102": "Bob Nguyen", "103": "Dana Kowalski", "200": "Support Desk"]

    /// `--demo`: an in-process simulator with the demo mailboxes on a free loopback port,
    /// in a fresh temporary folder (removed at exit) unless `--demo-data` keeps it.
    /// `--user` picks the demo user (101 by default; 200 is the support desk that may open
    /// 101 and 102) and `--mailbox` opens a shared mailbox directly.
    static func runDemo(
        global: GlobalOptions, screen: ScreenOptions, config: ConfigFile, theme: Theme, themeProblem: ThemeError?,
        environment: [String: String], logger: Logger
    ) async throws -> LoopExit {
        let user = global.user ?? "101"
        guard let userName = demoUsers[user] else {
            let known = demoUsers.keys.sorted().joined(separator: ", ")
            throw CLIFailure(message: "the demo has no user \(user); try one of \(known)", code: ExitStatus.usage)
        }
        let fileManager = FileManager.default
        let dataDirectory: URL
        let temporary: Bool
        if let kept = screen.demoData {
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
        defer { if temporary { try? fileManager.removeItem(at: dataDirectory) } }

        let simulator: RunningSimulator
        do {
            simulator = try await Simulator.start(
                SimulatorOptions(dataDirectory: dataDirectory, host: "127.0.0.1", port: 0, seed: .demo))
        } catch {
            throw CLIFailure(
                message: "the demo PBX could not start: \(Sanitize.line(String(describing: error)))", code: ExitStatus.failure)
        }
        logger.info("demo PBX at \(simulator.baseURL) with data in \(dataDirectory.path)")
        let client = VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: simulator.baseURL, credentials: .bearer(token: "demo-\(user)"), mailbox: global.mailbox,
                userAgent: "vmtui/\(VMTUIVersion.string)"),
            logger: logger)
        var appConfig = appConfig(server: simulator.baseURL, user: user, mailbox: global.mailbox, config: config)
        appConfig.server = "demo PBX \(simulator.baseURL.host ?? "127.0.0.1"):\(simulator.baseURL.port ?? 0)"
        appConfig.userName = userName
        if let themeProblem { appConfig.configErrors.append(themeProblem.description) }
        let runner = ClientEffectRunner(
            client: client, logger: logger,
            hook: newMessageHook(config, environment: environment),
            audio: audioRunner(client, screen: screen, config: config, environment: environment, logger: logger))
        let result: LoopExit
        do {
            result = try await run(appConfig, theme: theme, environment: environment, logger: logger, runner: runner)
        } catch {
            await simulator.stop()
            throw error
        }
        await simulator.stop()
        return result
    }

    /// The config's `on_new_message` command, if any (run per new message, see NewMessageHook).
    static func newMessageHook(_ config: ConfigFile, environment: [String: String]) -> NewMessageHook? {
        guard let command = config.onNewMessage?.trimmingCharacters(in: .whitespaces), !command.isEmpty else {
            return nil
        }
        return NewMessageHook(command: command, baseEnvironment: environment)
    }

    static func appConfig(server: URL, user: String?, mailbox: String?, config: ConfigFile) -> AppConfig {
        var appConfig = AppConfig(
            server: server.host ?? server.absoluteString, user: user, mailbox: mailbox,
            autoRefreshSeconds: config.refreshInterval > 0 ? max(1, Int(config.refreshInterval)) : nil)
        appConfig.applyKeyTable(config.keys)
        appConfig.configErrors += config.warnings.map(\.description)
        if let bell = config.bell { appConfig.bell = bell }
        if let policy = config.markReadOn, let markReadOn = MarkReadOn(rawValue: policy.rawValue) {
            appConfig.markReadOn = markReadOn
        }
        appConfig.saveDirectory = AudioEffectRunner.defaultSaveDirectory(environment: ProcessInfo.processInfo.environment)
        return appConfig
    }

    /// The player (`--player`, else `player`), recorder and greetings for the screen.
    static func audioRunner(
        _ client: VoicemailClient, screen: ScreenOptions, config: ConfigFile, environment: [String: String], logger: Logger
    ) -> AudioEffectRunner {
        AudioEffectRunner(
            client: client, player: screen.player ?? config.player, recorder: config.recorder,
            environment: environment, logger: logger)
    }

    static func defaultLogPath(environment: [String: String]) -> String {
        let directory = XDGPaths.stateHome(environment: environment).appendingPathComponent("vmtui", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("vmtui.log").path
    }
}
