#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import SafeTOML
import VMTUIRuntime
import AsteriskSpool
import VoicemailBackend
import VoicemailClient

/// `config.toml` (see `defaultPath`). Every key is optional; flags win over it, and the
/// environment wins over it for secrets. The file is read once; each part of vmtui reads its
/// own keys from it (the HTTP client its connection, the spool backend its spool, the screen
/// its settings), and a key none of them knows is a warning, not an error.
public struct ConfigFile: Sendable, Equatable {
    /// Where it was read from (nil: no file).
    public var path: String?
    public var connection = ConnectionSettings()
    public var spool = SpoolSettings()
    public var screen = ScreenSettings()
    /// `log_file`: where every command logs (`VMTUI_LOG` wins).
    public var logFile: String?
    public var warnings: [ConfigWarning] = []

    public init() {}

    public static let knownKeys: Set<String> =
        ConnectionSettings.keys.union(SpoolSettings.keys).union(ScreenSettings.keys).union(["log_file"])

    /// `$XDG_CONFIG_HOME/vmtui/config.toml`, else `~/.config/vmtui/config.toml` (a relative
    /// XDG_CONFIG_HOME is ignored, as the XDG spec says and as themes do).
    public static func defaultPath(environment: [String: String]) -> String {
        Paths.configHome(environment: environment).appendingPathComponent("vmtui/config.toml").path
    }

    /// Reads `explicitPath`, or the default path if it exists (a missing default file is
    /// no configuration; a missing explicit one is an error).
    public static func load(explicitPath: String?, environment: [String: String]) throws(SettingsError) -> ConfigFile {
        let path = explicitPath ?? defaultPath(environment: environment)
        var isFolder = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            if explicitPath != nil { throw SettingsError(file: path, "no such file") }
            return ConfigFile()
        }
        guard !isFolder else { throw SettingsError(file: path, "is a folder, not a config file") }
        guard let data = FileManager.default.contents(atPath: path) else {
            let denied = !FileManager.default.isReadableFile(atPath: path)
            throw SettingsError(file: path, denied ? "cannot read the file (permission denied)" : "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(file: path, "not UTF-8 text")
        }
        return try parse(text, path: path, environment: environment)
    }

    public static func parse(
        _ text: String, path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingsError) -> ConfigFile {
        let reader = try ConfigReader(parsing: text, path: path)
        var config = ConfigFile()
        config.path = path
        config.connection = try ConnectionSettings(reading: reader, environment: environment)
        config.screen = try ScreenSettings(reading: reader)
        config.spool = try SpoolSettings(reading: reader, environment: environment)
        config.logFile = try reader.string("log_file").map { Paths.expandTilde($0, environment: environment) }
        config.warnings = reader.unknownKeyWarnings(known: knownKeys)
        return config
    }
}
