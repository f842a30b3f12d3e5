import AudioPlayback
import SafeTOML

/// The config's local transcription: `transcribe_command` (a template with `{file}`),
/// `transcribe_format` ("wav16k": converted with sox to 16 kHz mono first; "original": the
/// audio as the PBX sends it) and `transcribe_timeout` in seconds (120 by default).
public struct TranscribeSettings: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case original, wav16k
    }

    public var command: CommandTemplate
    public var format: Format = .original
    public var timeout: Duration = .seconds(120)

    public static let keys: Set<String> = ["transcribe_command", "transcribe_format", "transcribe_timeout"]

    public init(command: CommandTemplate, format: Format = .original, timeout: Duration = .seconds(120)) {
        self.command = command
        self.format = format
        self.timeout = timeout
    }

    /// Nil when the config names no command.
    public static func reading(_ reader: ConfigReader) throws(SettingsError) -> TranscribeSettings? {
        guard let text = try reader.string("transcribe_command") else { return nil }
        let command: CommandTemplate
        do {
            command = try CommandTemplate(parsing: text)
        } catch {
            throw reader.error("transcribe_command", "\"transcribe_command\" is not a command: \(error)")
        }
        guard !command.words.isEmpty else { throw reader.error("transcribe_command", "\"transcribe_command\" is empty") }
        var settings = TranscribeSettings(command: command)
        if let format = try reader.string("transcribe_format") {
            guard let known = Format(rawValue: format) else {
                throw reader.error("transcribe_format", "\"transcribe_format\" must be \"original\" or \"wav16k\"")
            }
            settings.format = known
        }
        if let seconds = try reader.number("transcribe_timeout") {
            guard seconds > 0 else { throw reader.error("transcribe_timeout", "\"transcribe_timeout\" must be more than 0 seconds") }
            settings.timeout = .milliseconds(Int64(seconds * 1000))
        }
        return settings
    }
}
