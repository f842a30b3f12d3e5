import DisplayText
import Foundation
import SafeTOML
import VoicemailModel

/// When the TUI marks a message read: when playback starts, when it ends, or never.
public enum MarkReadPolicy: String, Sendable, CaseIterable, Equatable {
    case start, end, never
}

/// `config.toml` (see `ConfigFile.defaultPath`). Every key is optional; flags win over it,
/// and the environment wins over it for secrets.
public struct ConfigFile: Sendable, Equatable {
    /// Where it was read from (nil: no file).
    public var path: String?
    public var server: String?
    public var user: String?
    public var auth: AuthMethod?
    public var mailbox: String?
    public var tokenCommand: String?
    public var passwordCommand: String?
    public var caFile: String?
    public var connectTimeout: Double?
    public var timeout: Double?
    public var theme: String?
    public var player: String?
    public var recorder: String?
    /// Seconds between live refreshes (default 30; 0 disables).
    public var refreshInterval: Double
    public var bell: Bool?
    /// A shell command run when a new message arrives.
    public var onNewMessage: String?
    public var markReadOn: MarkReadPolicy?
    public var logFile: String?
    /// `api`: which dialect the server speaks (default auto).
    public var api: APIFlavor?
    /// `allow_insecure`: a password may cross plain http to another host.
    public var allowInsecure: Bool?
    /// `[keys]`: action name → key specs, as written (a string or an array of strings);
    /// the TUI interprets them.
    public var keys: [String: [String]]
    /// Asterisk spool backend: `spool`, `context`, `voicemail_conf`, and AMI for the phones' lights.
    public var spool: String?
    public var context: String?
    public var voicemailConf: String?
    public var ami: String?
    public var amiUser: String?
    public var amiSecretCommand: String?
    public var warnings: [ConfigWarning]

    public static let defaultRefreshInterval: Double = 30

    public init() {
        refreshInterval = Self.defaultRefreshInterval
        keys = [:]
        warnings = []
    }

    public static let knownKeys: Set<String> = [
        "server", "user", "auth", "mailbox", "token_command", "password_command", "ca_file",
        "connect_timeout", "timeout", "theme", "player", "recorder", "refresh_interval", "bell",
        "on_new_message", "mark_read_on", "log_file", "keys", "api", "allow_insecure",
        "spool", "context", "voicemail_conf", "ami", "ami_user", "ami_secret_command",
    ]

    /// `$XDG_CONFIG_HOME/vmtui/config.toml`, else `~/.config/vmtui/config.toml` (a relative
    /// XDG_CONFIG_HOME is ignored, as the XDG spec says and as themes do).
    public static func defaultPath(environment: [String: String]) -> String {
        Paths.configHome(environment: environment).appendingPathComponent("vmtui/config.toml").path
    }

    /// Reads `explicitPath`, or the default path if it exists (a missing default file is
    /// no configuration; a missing explicit one is an error).
    public static func load(explicitPath: String?, environment: [String: String]) throws(SettingsError) -> ConfigFile {
        let path = explicitPath ?? defaultPath(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            if explicitPath != nil { throw SettingsError(file: path, "no such file") }
            return ConfigFile()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(file: path, "cannot read the file (permission denied?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(file: path, "not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(SettingsError) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try SafeTOML.parse(text)
        } catch {
            throw SettingsError(file: path, line: error.line, "invalid TOML: \(error.reason)")
        }
        let reader = Reader(table: table, text: text, path: path)
        var config = ConfigFile()
        config.path = path
        config.server = try reader.string("server")
        config.user = try reader.string("user")
        if let auth = try reader.string("auth") {
            guard let method = AuthMethod(rawValue: auth.lowercased()) else {
                throw reader.error("auth", "\"auth\" must be bearer, basic or session, not \"\(TerminalSafe.errorDetail(auth))\"")
            }
            config.auth = method
        }
        config.mailbox = try reader.string("mailbox")
        if let mailbox = config.mailbox, !Extensions.isValid(mailbox) {
            throw reader.error("mailbox", "\"mailbox\" must be an extension (digits)")
        }
        config.tokenCommand = try reader.string("token_command")
        config.passwordCommand = try reader.string("password_command")
        config.caFile = try reader.string("ca_file").map { Paths.expandTilde($0, environment: ProcessInfo.processInfo.environment) }
        config.connectTimeout = try reader.positiveNumber("connect_timeout")
        config.timeout = try reader.positiveNumber("timeout")
        config.theme = try reader.string("theme")
        config.player = try reader.string("player")
        config.recorder = try reader.string("recorder")
        if let interval = try reader.number("refresh_interval") {
            guard interval >= 0 else { throw reader.error("refresh_interval", "\"refresh_interval\" must be 0 (off) or more seconds") }
            config.refreshInterval = interval
        }
        config.bell = try reader.bool("bell")
        config.onNewMessage = try reader.string("on_new_message")
        if let policy = try reader.string("mark_read_on") {
            guard let value = MarkReadPolicy(rawValue: policy.lowercased()) else {
                throw reader.error("mark_read_on", "\"mark_read_on\" must be start, end or never")
            }
            config.markReadOn = value
        }
        config.logFile = try reader.string("log_file").map { Paths.expandTilde($0, environment: ProcessInfo.processInfo.environment) }
        if let api = try reader.string("api") {
            guard let flavor = APIFlavor(rawValue: api.lowercased()) else {
                throw reader.error("api", "\"api\" must be auto, wildix or vmtui, not \"\(TerminalSafe.errorDetail(api))\"")
            }
            config.api = flavor
        }
        config.allowInsecure = try reader.bool("allow_insecure")
        config.keys = try reader.keyTable()
        config.spool = try reader.string("spool").map { Paths.expandTilde($0, environment: ProcessInfo.processInfo.environment) }
        config.context = try reader.string("context")
        config.voicemailConf = try reader.string("voicemail_conf").map { Paths.expandTilde($0, environment: ProcessInfo.processInfo.environment) }
        config.ami = try reader.string("ami")
        config.amiUser = try reader.string("ami_user")
        config.amiSecretCommand = try reader.string("ami_secret_command")
        config.warnings = reader.unknownKeyWarnings()
        return config
    }
}

/// Typed reads from a TOML table, with errors that name the line of the key.
private struct Reader {
    let table: TOMLTable
    let text: String
    let path: String

    func error(_ key: String, _ message: String, table tableName: String? = nil) -> SettingsError {
        SettingsError(file: path, line: ConfigLines.line(of: key, inTable: tableName, text: text), message)
    }

    func string(_ key: String) throws(SettingsError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(key, "\"\(key)\" must be a string") }
        let trimmed = string.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    func number(_ key: String) throws(SettingsError) -> Double? {
        guard let value = table[key] else { return nil }
        if let int = value.int { return Double(int) }
        if let double = value.double { return double }
        throw error(key, "\"\(key)\" must be a number")
    }

    func positiveNumber(_ key: String) throws(SettingsError) -> Double? {
        guard let value = try number(key) else { return nil }
        guard value > 0 else { throw error(key, "\"\(key)\" must be more than 0 seconds") }
        return value
    }

    func bool(_ key: String) throws(SettingsError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw error(key, "\"\(key)\" must be true or false") }
        return bool
    }

    func keyTable() throws(SettingsError) -> [String: [String]] {
        guard let value = table["keys"] else { return [:] }
        guard let keys = value.table else { throw error("keys", "\"keys\" must be a table ([keys])") }
        var result: [String: [String]] = [:]
        for action in keys.keys {
            guard let entry = keys[action] else { continue }
            if let single = entry.string {
                result[action] = [single]
            } else if let array = entry.array {
                var specs: [String] = []
                for element in array {
                    guard let spec = element.string else {
                        throw error(action, "keys.\(action) must list key names as strings", table: "keys")
                    }
                    specs.append(spec)
                }
                result[action] = specs
            } else {
                throw error(action, "keys.\(action) must be a key name or a list of key names", table: "keys")
            }
        }
        return result
    }

    func unknownKeyWarnings() -> [ConfigWarning] {
        table.keys.filter { !ConfigFile.knownKeys.contains($0) }.sorted().map { key in
            ConfigWarning(
                file: path, line: ConfigLines.line(of: key, inTable: nil, text: text),
                message: "unknown key \"\(TerminalSafe.errorDetail(key))\" (ignored)")
        }
    }
}

/// Finds the line where a key is set, for messages ("config.toml:7: …"); TOMLKit gives
/// positions only for syntax errors.
enum ConfigLines {
    static func line(of key: String, inTable tableName: String?, text: String) -> Int? {
        var currentTable: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] \t"))
                currentTable = name
                if tableName == nil, name == key { return index + 1 }
                continue
            }
            guard currentTable == tableName, let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
            if name == key { return index + 1 }
        }
        return nil
    }
}
