import SystemBasics
import AppCore
import ArgumentParser
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import Themes
import VMTUIRuntime
import VoicemailBackend
import VoicemailClient

/// Options that only the full-screen interface uses.
public struct ScreenOptions: ParsableArguments, Sendable {
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
        let config = try BackendFactory.loadConfig(global, environment: environment)
        for warning in config.warnings { Terminal.printError("warning: \(warning)") }
        if environment["VMTUI_LOG"] == nil, config.logFile == nil {
            environment["VMTUI_LOG"] = ScreenLaunch.defaultLogPath(environment: environment)
        }
        let logger = BackendFactory.makeLogger(config: config, environment: environment)
        let (theme, problem) = ThemeLoader.loadOrDefault(name: screen.theme ?? config.screen.theme, environment: environment)
        themeProblem = problem
        if let problem { logger.warning("\(problem)") }

        let context = try await BackendFactory.make(
            global, config: config, environment: environment, logger: logger, onScreen: true)
        do {
            var appConfig = ScreenLaunch.appConfig(
                server: context.serverLabel, user: context.user, mailbox: context.mailbox, config: config)
            appConfig.userName = context.userName ?? appConfig.userName
            if let problem { appConfig.configErrors.append(problem.description) }
            for warning in context.warnings {
                Terminal.printError("warning: \(warning)")
                appConfig.configErrors.append(warning)
            }
            var runner = ClientEffectRunner(
                client: context.backend, logger: logger, hook: ScreenLaunch.newMessageHook(config, environment: environment),
                audio: ScreenLaunch.audioRunner(context.backend, screen: screen, config: config, environment: environment, logger: logger))
            if let settings = config.screen.transcribe {
                runner.transcription = TranscriptionRunner(transcriber: LocalTranscriber(settings: settings))
                appConfig.localTranscription = true
            }
            exit = try await ScreenLaunch.run(appConfig, theme: theme, environment: environment, logger: logger, runner: runner)
        } catch {
            await context.close()
            throw error
        }
        await context.close()
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

    /// The config's `on_new_message` command, if any (run per new message, see NewMessageHook).
    static func newMessageHook(_ config: ConfigFile, environment: [String: String]) -> NewMessageHook? {
        guard let command = config.screen.onNewMessage?.trimmingSpaces(), !command.isEmpty else {
            return nil
        }
        return NewMessageHook(command: command, baseEnvironment: environment)
    }

    static func appConfig(server: String, user: String?, mailbox: String?, config: ConfigFile) -> AppConfig {
        var appConfig = AppConfig(
            server: server, user: user, mailbox: mailbox, timeZone: SystemZone(),
            autoRefreshSeconds: config.screen.refreshInterval > 0 ? max(1, Int(config.screen.refreshInterval)) : nil)
        appConfig.applyKeyTable(config.screen.keys)
        appConfig.configErrors += config.warnings.map(\.description)
        if let bell = config.screen.bell { appConfig.bell = bell }
        if let markReadOn = config.screen.markReadOn { appConfig.markReadOn = markReadOn }
        appConfig.saveDirectory = AudioEffectRunner.defaultSaveDirectory(environment: ProcessInfo.processInfo.environment)
        return appConfig
    }

    /// The player (`--player`, else `player`), recorder and greetings for the screen.
    static func audioRunner(
        _ client: any VoicemailBackend, screen: ScreenOptions, config: ConfigFile, environment: [String: String], logger: Logger
    ) -> AudioEffectRunner {
        AudioEffectRunner(
            client: client, player: screen.player ?? config.screen.player, recorder: config.screen.recorder,
            environment: environment, logger: logger)
    }

    static func defaultLogPath(environment: [String: String]) -> String {
        let directory = Paths.stateHome(environment: environment).appendingPathComponent("vmtui", isDirectory: true)
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("vmtui.log").path
    }
}
