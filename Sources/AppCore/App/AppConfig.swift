import FoundationEssentials

/// What the app needs to know from the command line and config file.
public struct AppConfig: Equatable, Sendable {
    /// Shown in the header (a host name, e.g. "pbx.example.com").
    public var server: String
    /// The user's own extension, when known before the Mailboxes call answers.
    public var user: String?
    /// The user's display name, when known.
    public var userName: String?
    /// The mailbox to open; nil opens the user's own.
    public var mailbox: String?
    /// Dates in the list and details are shown in this zone.
    public var timeZone: any ZoneRules {
        get { zone.rules }
        set { zone = ZoneIdentity(rules: newValue) }
    }
    private var zone: ZoneIdentity
    public var keyBindings: KeyBindings
    /// One line each (bad `[keys]` entries…); shown in the status line at start.
    public var configErrors: [String]
    /// Refresh the open folder and the mailbox list (with If-None-Match) this often, like the
    /// config's `refresh_interval` (default 30); nil or 0 turns it off.
    public var autoRefreshSeconds: Int?
    /// Ring the terminal bell when a new message arrives (config `bell`).
    public var bell: Bool = false
    /// When playing a message marks it read (config `mark_read_on`).
    public var markReadOn: MarkReadOn = .end
    /// Where `w` proposes to save audio: `~/Downloads` when it exists, else the working
    /// directory (the runtime decides). A leading "~" stands for the home directory.
    public var saveDirectory: String = "~/Downloads"
    /// The config names a `transcribe_command`: details of a message without a transcription
    /// ask for a local one (Features/Transcription).
    public var localTranscription = false

    public init(
        server: String, user: String? = nil, userName: String? = nil, mailbox: String? = nil,
        timeZone: any ZoneRules = TimeZone.current, keyBindings: KeyBindings = .defaults,
        configErrors: [String] = [], autoRefreshSeconds: Int? = 30
    ) {
        self.server = server
        self.user = user
        self.userName = userName
        self.mailbox = mailbox
        zone = ZoneIdentity(rules: timeZone)
        self.keyBindings = keyBindings
        self.configErrors = configErrors
        self.autoRefreshSeconds = autoRefreshSeconds
    }

    /// Applies a `[keys]` table, collecting its problems in `configErrors`.
    public mutating func applyKeyTable(_ table: [String: [String]]) {
        let (bindings, errors) = KeyBindings.from(table: table)
        keyBindings = bindings
        configErrors += errors
    }
}

/// A zone compared by its identifier, so that AppConfig stays Equatable.
private struct ZoneIdentity: Equatable, Sendable {
    let rules: any ZoneRules
    static func == (a: Self, b: Self) -> Bool { a.rules.identifier == b.rules.identifier }
}
