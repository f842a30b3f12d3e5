#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import SafeTOML
import VoicemailBackend
import VoicemailClient

/// A backend ready for use, with what the screen says about it. `close()` ends whatever
/// the factory started for it (the demo PBX); call it once when done.
public struct BackendContext: Sendable {
    public let backend: any VoicemailBackend
    /// What the screen's title shows: "pbx.example.com", "demo PBX 127.0.0.1:40123".
    public let serverLabel: String
    public let user: String?
    /// The user's display name when the factory knows it (the demo's users).
    public let userName: String?
    public let mailbox: String?
    public let config: ConfigFile
    public let logger: Logger
    /// Said once before anything is sent (stderr; the screen's status line).
    public var warnings: [String] = []
    let teardown: @Sendable () async -> Void

    public func close() async { await teardown() }
}

/// Builds the backend that flags + config file + environment choose (flags win over the
/// file; for secrets the environment wins over the file's commands).
public enum BackendFactory {
    /// One case per kind of backend; a new backend adds its case here, in `kind`, and in `make`.
    enum Kind: Equatable {
        /// The built-in demo PBX (`--demo`), reached over HTTP like a real one.
        case demo
        /// A PBX's HTTP voicemail API (`--server`).
        case http
        /// An Asterisk voicemail spool opened directly (`--spool`).
        case spool
    }

    static func kind(_ options: GlobalOptions, config: ConfigFile) -> Kind {
        if options.demo { return .demo }
        if options.spool != nil { return .spool }
        return options.server == nil && config.spool.spool != nil ? .spool : .http
    }

    public static func loadConfig(
        _ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) -> ConfigFile {
        try ConfigFile.load(explicitPath: options.config, environment: environment)
    }

    public static func make(
        _ options: GlobalOptions, config: ConfigFile,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        runner: any SecretCommandRunning = ShellSecretCommand(), logger: Logger? = nil, onScreen: Bool = false
    ) async throws -> BackendContext {
        let logger = logger ?? makeLogger(config: config, environment: environment)
        switch kind(options, config: config) {
        case .demo:
            return try await DemoPBX.start(options, config: config, environment: environment, logger: logger)
        case .http:
            return try makeHTTP(options, config: config, environment: environment, runner: runner, logger: logger)
        case .spool:
            return try SpoolBackendFactory.make(
                options, config: config, environment: environment, runner: runner, logger: logger, onScreen: onScreen)
        }
    }

    static func makeHTTP(
        _ options: GlobalOptions, config: ConfigFile, environment: [String: String],
        runner: any SecretCommandRunning, logger: Logger
    ) throws(SettingsError) -> BackendContext {
        let configuration = try httpConfiguration(options, config: config, environment: environment, runner: runner)
        let warning = try ClientSettings.insecureWarning(for: configuration, overrides: options.overrides, config: config.connection)
        let backend: any VoicemailBackend
        var teardown: @Sendable () async -> Void = {}
        switch configuration.api {
        case .wazo:
            let wazo = WazoBackend(configuration: configuration, logger: logger)
            backend = wazo
            // The token vmtui obtained is revoked when it exits.
            teardown = { await wazo.close() }
        case .kazoo:
            backend = KazooBackend(configuration: configuration, logger: logger)
        case .auto, .wildix, .vmtui:
            backend = VoicemailClient(configuration: configuration, logger: logger)
        }
        return BackendContext(
            backend: backend, serverLabel: configuration.serverURL.host ?? configuration.serverURL.absoluteString,
            user: configuration.credentials.user, userName: nil, mailbox: configuration.mailbox, config: config,
            logger: logger, warnings: warning.map { [$0] } ?? [], teardown: teardown)
    }

    public static func httpConfiguration(
        _ options: GlobalOptions, config: ConfigFile, environment: [String: String],
        runner: any SecretCommandRunning = ShellSecretCommand()
    ) throws(SettingsError) -> ClientConfiguration {
        let secrets = SecretSource(
            environment: environment, tokenCommand: config.connection.tokenCommand, passwordCommand: config.connection.passwordCommand,
            runner: runner)
        return try ClientSettings.resolve(
            overrides: options.overrides, config: config.connection, secrets: secrets, userAgent: "vmtui/\(VMTUIVersion.string)")
    }

    /// A file logger when `log_file` (or VMTUI_LOG) names one; otherwise silent. Never stderr.
    public static func makeLogger(config: ConfigFile, environment: [String: String]) -> Logger {
        let path = environment["VMTUI_LOG"].flatMap { $0.isEmpty ? nil : $0 } ?? config.logFile
        let level: Logger.Level = environment["VMTUI_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .info
        if let path, let factory = FileLogHandler.factory(path: path, level: level) {
            return Logger(label: "vmtui", factory: factory)
        }
        return Logger(label: "vmtui", factory: { _ in SwiftLogNoOpLogHandler() })
    }
}

public enum VMTUIVersion {
    public static let string = "1.0.0"
}
