import FoundationEssentials
import SafeTOML
import VoicemailBackend
import VoicemailModel

/// The config file's connection keys: where the PBX is, who the user is, how to sign in and
/// how long to wait. The HTTP client reads only these; the screen and the spool read their own.
public struct ConnectionSettings: Sendable, Equatable {
    /// The file they were read from (nil: none), for messages.
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
    /// `api`: which dialect the server speaks (default auto).
    public var api: APIFlavor?
    /// `allow_insecure`: a password may cross plain http to another host.
    public var allowInsecure: Bool?
    /// `account`: Kazoo's account name.
    public var account: String?

    public static let keys: Set<String> = [
        "server", "user", "auth", "mailbox", "token_command", "password_command", "ca_file",
        "connect_timeout", "timeout", "api", "allow_insecure", "account",
    ]

    public init() {}

    public init(reading reader: ConfigReader, environment: [String: String]) throws(SettingsError) {
        path = reader.path
        server = try reader.string("server")
        user = try reader.string("user")
        auth = try reader.choice("auth")
        mailbox = try reader.string("mailbox")
        if let mailbox, !Extensions.isValid(mailbox) {
            throw reader.error("mailbox", "\"mailbox\" must be an extension (digits)")
        }
        tokenCommand = try reader.string("token_command")
        passwordCommand = try reader.string("password_command")
        caFile = try reader.string("ca_file").map { Paths.expandTilde($0, environment: environment) }
        connectTimeout = try reader.positiveNumber("connect_timeout")
        timeout = try reader.positiveNumber("timeout")
        api = try reader.choice("api")
        allowInsecure = try reader.bool("allow_insecure")
        account = try reader.string("account")
    }

    /// The connection keys of a whole config file's text (the other keys are someone else's).
    public static func parse(_ text: String, path: String, environment: [String: String] = [:]) throws(SettingsError)
        -> ConnectionSettings
    {
        try ConnectionSettings(reading: ConfigReader(parsing: text, path: path), environment: environment)
    }
}
