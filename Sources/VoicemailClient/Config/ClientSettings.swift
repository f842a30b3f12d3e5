import DisplayText
import FoundationEssentials
import SafeTOML
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// Connection settings given on the command line; nil means "not given".
public struct ConnectionOverrides: Sendable, Equatable {
    public var server: String?
    public var user: String?
    public var auth: AuthMethod?
    public var mailbox: String?
    public var caFile: String?
    public var timeout: Double?
    public var connectTimeout: Double?
    public var api: APIFlavor?
    /// `--allow-insecure`: a password may cross plain http to another host.
    public var allowInsecure: Bool
    /// `--account`: Kazoo's account name.
    public var account: String?

    public init(
        server: String? = nil, user: String? = nil, auth: AuthMethod? = nil, mailbox: String? = nil,
        caFile: String? = nil, timeout: Double? = nil, connectTimeout: Double? = nil, api: APIFlavor? = nil,
        allowInsecure: Bool = false, account: String? = nil
    ) {
        self.account = account
        self.api = api
        self.allowInsecure = allowInsecure
        self.server = server
        self.user = user
        self.auth = auth
        self.mailbox = mailbox
        self.caFile = caFile
        self.timeout = timeout
        self.connectTimeout = connectTimeout
    }
}

/// Combines flags, the config file and the environment into a `ClientConfiguration`:
/// flags win over the file; for secrets the environment wins over the file's commands.
public enum ClientSettings {
    public static let defaultConnectTimeout: Double = 10
    public static let defaultTimeout: Double = 30

    public static func resolve(
        overrides: ConnectionOverrides, config: ConnectionSettings, secrets: SecretSource, userAgent: String = "vmtui/1.0"
    ) throws(SettingsError) -> ClientConfiguration {
        guard let serverText = overrides.server ?? config.server else {
            throw SettingsError("no server: use --server URL or set server in \(config.path ?? "the config file")")
        }
        let serverURL: URL
        do {
            serverURL = try ClientConfiguration.serverURL(from: serverText)
        } catch {
            throw SettingsError(file: overrides.server == nil ? config.path : nil, error.message)
        }
        let user = overrides.user ?? config.user
        let api = overrides.api ?? config.api ?? .auto
        if let user, api.namesUsers ? user.isEmpty || user.contains(where: { $0.isWhitespace || $0.isNewline }) : !Extensions.isValid(user) {
            if api.namesUsers { throw SettingsError("user must be a user name without spaces, not \"\(TerminalSafe.errorDetail(user))\"") }
            throw SettingsError("user must be an extension (digits), not \"\(TerminalSafe.errorDetail(user))\"")
        }
        let mailbox = overrides.mailbox ?? config.mailbox
        if let mailbox, !Extensions.isValid(mailbox) {
            throw SettingsError("mailbox must be an extension (digits), not \"\(TerminalSafe.errorDetail(mailbox))\"")
        }
        let credentials = try credentials(
            method: overrides.auth ?? config.auth, user: user, secrets: secrets)
        var pins: [String: String] = [:]
        if let mailbox, let pin = secrets.pin { pins[mailbox] = pin }
        let caFile = overrides.caFile ?? config.caFile
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw SettingsError(file: caFile, "CA file not readable")
        }
        return ClientConfiguration(
            serverURL: serverURL, credentials: credentials, mailbox: mailbox, pins: pins, caFile: caFile,
            connectTimeout: overrides.connectTimeout ?? config.connectTimeout ?? defaultConnectTimeout,
            timeout: overrides.timeout ?? config.timeout ?? defaultTimeout, userAgent: userAgent,
            api: api, account: overrides.account ?? config.account)
    }

    /// Secrets over plain http to a host other than this machine can be read by anyone on the
    /// way. A password (basic or session login) is refused unless allowed, and then warned of
    /// once; a bearer token or a PIN is warned of once (the same line), as it cannot be refused
    /// without locking out PBXs that only speak http.
    public static func insecureWarning(
        for configuration: ClientConfiguration, overrides: ConnectionOverrides, config: ConnectionSettings
    ) throws(SettingsError) -> String? {
        guard configuration.serverURL.scheme?.lowercased() == "http", !Loopback.isLoopback(configuration.serverURL.host ?? "")
        else { return nil }
        let host = configuration.serverURL.host ?? configuration.serverURL.absoluteString
        let isToken = configuration.credentials.method == .bearer
        let secret = (isToken ? "your token" : "your password") + (configuration.pins.isEmpty ? " goes" : " and PIN go")
        guard isToken || overrides.allowInsecure || config.allowInsecure == true else {
            throw SettingsError(
                "refusing to send your password in clear over http:// to \(host): use https://, or --allow-insecure (allow_insecure = true) if you accept the risk")
        }
        let why = isToken ? "use https:// to protect \(configuration.pins.isEmpty ? "it" : "them")" : "allowed by --allow-insecure / allow_insecure"
        return "\(secret) to \(host) in clear over http:// (\(why))"
    }

    /// Bearer when a token is available, session login when only a password is, unless the
    /// method is given.
    static func credentials(method: AuthMethod?, user: String?, secrets: SecretSource) throws(SettingsError)
        -> Credentials
    {
        let chosen = method ?? (secrets.hasToken ? .bearer : secrets.hasPassword ? .session : nil)
        switch chosen {
        case nil:
            throw SettingsError(
                "no credentials: set \(SecretSource.tokenVariable) or \(SecretSource.passwordVariable), or token_command / password_command in the config")
        case .bearer:
            guard let token = try secrets.token() else {
                throw SettingsError("bearer auth needs a token: set \(SecretSource.tokenVariable) or token_command")
            }
            return .bearer(token: token)
        case .basic, .session:
            let name = chosen == .basic ? "basic" : "session"
            guard let user else { throw SettingsError("\(name) auth needs --user EXT (or user in the config)") }
            guard let password = try secrets.password() else {
                throw SettingsError("\(name) auth needs a password: set \(SecretSource.passwordVariable) or password_command")
            }
            return chosen == .basic ? .basic(extension: user, password: password) : .session(extension: user, password: password)
        }
    }
}
