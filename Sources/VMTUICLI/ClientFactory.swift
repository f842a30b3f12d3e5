import Foundation
import Logging
import VoicemailClient

/// A configured client and what it was built from; the screen reuses it.
public struct ClientContext: Sendable {
    public let client: VoicemailClient
    public let configuration: ClientConfiguration
    public let config: ConfigFile
    public let logger: Logger
}

/// Builds clients from flags + config file + environment, in that order of precedence
/// (environment first for secrets).
public enum ClientFactory {
    public static func loadConfig(
        _ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) -> ConfigFile {
        try ConfigFile.load(explicitPath: options.config, environment: environment)
    }

    public static func make(
        _ options: GlobalOptions, config: ConfigFile,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        runner: any SecretCommandRunning = ShellSecretCommand()
    ) throws(SettingsError) -> ClientContext {
        let secrets = SecretSource(
            environment: environment, tokenCommand: config.tokenCommand, passwordCommand: config.passwordCommand,
            runner: runner)
        let configuration = try ClientSettings.resolve(
            overrides: options.overrides, config: config, secrets: secrets, userAgent: "vmtui/\(VMTUIVersion.string)")
        let logger = makeLogger(config: config, environment: environment)
        return ClientContext(
            client: VoicemailClient(configuration: configuration, logger: logger), configuration: configuration,
            config: config, logger: logger)
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
