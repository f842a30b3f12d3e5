import AppCore
import SafeTOML

/// The config file's keys for the screen and its audio: theme, player and recorder, live
/// refresh, bell, the new-message hook, when a played message counts as read, and `[keys]`.
public struct ScreenSettings: Sendable, Equatable {
    public var theme: String?
    public var player: String?
    public var recorder: String?
    /// Seconds between live refreshes (0 disables).
    public var refreshInterval: Double = Self.defaultRefreshInterval
    public var bell: Bool?
    /// A shell command run when a new message arrives.
    public var onNewMessage: String?
    public var markReadOn: MarkReadOn?
    /// `[keys]`: action name → key specs as written (a string or an array of strings);
    /// `AppConfig.applyKeyTable` turns them into bindings.
    public var keys: [String: [String]] = [:]
    /// Local transcription (`transcribe_command`…), nil when not configured.
    public var transcribe: TranscribeSettings?

    public static let defaultRefreshInterval: Double = 30

    public static let keys: Set<String> = Set([
        "theme", "player", "recorder", "refresh_interval", "bell", "on_new_message", "mark_read_on", "keys",
    ]).union(TranscribeSettings.keys)

    public init() {}

    public init(reading reader: ConfigReader) throws(SettingsError) {
        theme = try reader.string("theme")
        player = try reader.string("player")
        recorder = try reader.string("recorder")
        if let interval = try reader.number("refresh_interval") {
            guard interval >= 0 else { throw reader.error("refresh_interval", "\"refresh_interval\" must be 0 (off) or more seconds") }
            refreshInterval = interval
        }
        bell = try reader.bool("bell")
        onNewMessage = try reader.string("on_new_message")
        markReadOn = try reader.choice("mark_read_on")
        keys = try reader.keyTable()
        transcribe = try TranscribeSettings.reading(reader)
    }
}
