import ArgumentParser
import VoicemailClient
import VoicemailModel

/// Connection options every command accepts (and the screen too). Secrets are never
/// options: they come from VMTUI_TOKEN / VMTUI_PASSWORD or token_command / password_command.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp("PBX address, e.g. https://pbx.example.com.", valueName: "URL"))
    public var server: String?

    @Option(name: .long, help: ArgumentHelp("Your extension (for basic or session login); on Wazo or Kazoo your user name.", valueName: "EXT"))
    public var user: String?

    @Option(name: .long, help: ArgumentHelp("How to authenticate: bearer, basic or session.", valueName: "METHOD"))
    public var auth: AuthMethod?

    @Option(name: .long, help: ArgumentHelp("Act on another mailbox you may open (PIN from VMTUI_PIN).", valueName: "EXT"))
    public var mailbox: String?

    @Option(name: .long, help: ArgumentHelp("Configuration file (default $XDG_CONFIG_HOME/vmtui/config.toml).", valueName: "FILE"))
    public var config: String?

    @Option(name: .customLong("ca-file"), help: ArgumentHelp("Trust the CA certificates in this PEM file.", valueName: "FILE"))
    public var caFile: String?

    // `.unconditional`: "-1" is a (wrong) value to explain, not an unknown option.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seconds an API call may take (default 30).", valueName: "SECONDS"))
    public var timeout: Double?

    @Option(
        name: .customLong("connect-timeout"), parsing: .unconditional,
        help: ArgumentHelp("Seconds to connect (default 10).", valueName: "SECONDS"))
    public var connectTimeout: Double?

    @Option(help: ArgumentHelp("Which API the server speaks: auto (default), wildix (documented calls only), vmtui, wazo or kazoo.", valueName: "API"))
    public var api: APIFlavor?

    @Option(name: .long, help: ArgumentHelp("Kazoo: the account name you type at login.", valueName: "NAME"))
    public var account: String?

    @Flag(name: .customLong("allow-insecure"), help: "Allow basic or session login over plain http:// to another host.")
    public var allowInsecure = false

    @Flag(help: "Use a built-in demo PBX (no server needed); works with every command.")
    public var demo = false

    @Option(name: .customLong("demo-data"), help: ArgumentHelp("Keep the demo PBX's data in this directory.", valueName: "DIR"))
    public var demoData: String?

    @Option(help: ArgumentHelp("Open an Asterisk voicemail spool directly (e.g. /var/spool/asterisk/voicemail).", valueName: "DIR"))
    public var spool: String?

    @Option(help: ArgumentHelp("The spool's voicemail context (default: default).", valueName: "NAME"))
    public var context: String?

    @Option(
        name: .customLong("voicemail-conf"),
        help: ArgumentHelp("Mailbox names from this voicemail.conf (default /etc/asterisk/voicemail.conf).", valueName: "FILE"))
    public var voicemailConf: String?

    public init() {}

    public mutating func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if let connectTimeout, connectTimeout <= 0 { throw ValidationError("--connect-timeout must be more than 0 seconds") }
        // Wazo and Kazoo users have names (the config file may choose them): ClientSettings checks.
        if let user, api?.namesUsers != true, !Extensions.isValid(user), user.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw ValidationError("--user must be an extension (digits)")
        }
        if let mailbox, !Extensions.isValid(mailbox) { throw ValidationError("--mailbox must be an extension (digits)") }
        if spool != nil, server != nil || demo { throw ValidationError("--spool opens a spool directly: leave out --server and --demo") }
    }

    public var overrides: ConnectionOverrides {
        ConnectionOverrides(
            server: server, user: user, auth: auth, mailbox: mailbox, caFile: caFile, timeout: timeout,
            connectTimeout: connectTimeout, api: api, allowInsecure: allowInsecure, account: account)
    }
}

extension APIFlavor: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension AuthMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
