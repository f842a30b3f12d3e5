import FoundationEssentials
import Glibc
import SafeTOML
import VoicemailBackend

/// The config file's keys for opening an Asterisk spool directly: where it is, the voicemail
/// context and voicemail.conf, and the Manager interface that lights the phones' lamps.
public struct SpoolSettings: Sendable, Equatable {
    public var spool: String?
    public var context: String?
    public var voicemailConf: String?
    public var ami: String?
    public var amiUser: String?
    public var amiSecretCommand: String?

    public static let keys: Set<String> = ["spool", "context", "voicemail_conf", "ami", "ami_user", "ami_secret_command"]

    public init() {}

    public init(reading reader: ConfigReader, environment: [String: String]) throws(SettingsError) {
        spool = try reader.string("spool").map { Paths.expandTilde($0, environment: environment) }
        context = try reader.string("context")
        voicemailConf = try reader.string("voicemail_conf").map { Paths.expandTilde($0, environment: environment) }
        ami = try reader.string("ami")
        amiUser = try reader.string("ami_user")
        amiSecretCommand = try reader.string("ami_secret_command")
    }
}
