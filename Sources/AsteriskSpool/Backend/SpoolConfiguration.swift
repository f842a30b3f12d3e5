import FoundationEssentials
import Glibc

/// How to open a spool (`vmtui --spool DIR [--context NAME] --user EXT [--mailbox EXT]`).
public struct SpoolConfiguration: Sendable {
    /// The spool root holding the context folders (Asterisk's /var/spool/asterisk/voicemail).
    public var root: URL
    public var context: String
    /// Whose mailbox this is (whoAmI).
    public var user: String
    /// The mailbox opened when a call names none (`--mailbox`); the user's own by default.
    public var mailbox: String?
    /// voicemail.conf, for names and formats; nil when there is none to read.
    public var voicemailConf: URL?
    /// How long a folder lock held by someone else is waited for (Asterisk: 5 s).
    public var lockTimeout: Duration
    public var soxPath: String
    /// Refreshes the phones' message lights after each change.
    public var ami: AMIConfiguration?
    /// Told one line when something beside the change went wrong (AMI); the change stands.
    public var warn: @Sendable (String) -> Void
    /// Where what the `.txt` files said is kept between runs (`$XDG_CACHE_HOME/vmtui`); nil
    /// keeps it in memory only. See `RecordCacheFile`.
    public var cacheDirectory: URL?

    public static let defaultVoicemailConf = URL(fileURLWithPath: "/etc/asterisk/voicemail.conf")

    public init(
        root: URL, context: String = "default", user: String, mailbox: String? = nil, voicemailConf: URL? = nil,
        lockTimeout: Duration = .seconds(5), soxPath: String = SpoolConfiguration.findSox(), ami: AMIConfiguration? = nil,
        warn: @escaping @Sendable (String) -> Void = { _ in }, cacheDirectory: URL? = nil
    ) {
        self.root = root
        self.context = context
        self.user = user
        self.mailbox = mailbox
        self.voicemailConf = voicemailConf
        self.lockTimeout = lockTimeout
        self.soxPath = soxPath
        self.ami = ami
        self.warn = warn
        self.cacheDirectory = cacheDirectory
    }

    /// `$XDG_CACHE_HOME/vmtui` (an absolute one), else `~/.cache/vmtui`; nil without a home.
    public static func defaultCacheDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let value = environment["XDG_CACHE_HOME"], value.hasPrefix("/") {
            return URL(fileURLWithPath: value, isDirectory: true).appendingPathComponent("vmtui", isDirectory: true)
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/vmtui", isDirectory: true)
    }

    /// sox on PATH, else the usual place.
    public static func findSox(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/sox"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/sox"
    }
}
