import FoundationEssentials
import VoicemailModel

/// The players vmtui knows how to drive well. A configured command with another program is
/// `.other`: it gets the finished file, SIGSTOP/SIGCONT for pause, and seeks by restarting.
public enum PlayerKind: String, Sendable, CaseIterable {
    case mpv
    case ffplay
    case sox = "play"
    case pwPlay = "pw-play"
    case paplay
    case aplay
    case other

    /// The order in which players are looked for when none is configured.
    public static let discoveryOrder: [PlayerKind] = [.mpv, .ffplay, .sox, .pwPlay, .paplay, .aplay]

    public init(programName: String) {
        switch programName {
        case "pw-cat": self = .pwPlay
        case PlayerKind.other.rawValue: self = .other
        default: self = PlayerKind(rawValue: programName) ?? .other
        }
    }

    public var programName: String { rawValue }

    /// The command used when the player is discovered rather than configured. mpv's errors
    /// stay on (only errors) so a failure can be explained; the player never reads the terminal.
    public var defaultTemplate: CommandTemplate {
        switch self {
        case .mpv: CommandTemplate(words: ["mpv", "--no-video", "--msg-level=all=error", "--input-terminal=no", "{file}"])
        case .ffplay: CommandTemplate(words: ["ffplay", "-nodisp", "-autoexit", "-loglevel", "error", "{file}"])
        case .sox: CommandTemplate(words: ["play", "-q", "{file}"])
        case .pwPlay: CommandTemplate(words: ["pw-play", "{file}"])
        case .paplay: CommandTemplate(words: ["paplay", "{file}"])
        case .aplay: CommandTemplate(words: ["aplay", "-q", "{file}"])
        case .other: CommandTemplate(words: ["{file}"])
        }
    }

    public func plays(_ format: AudioFormat) -> Bool {
        self == .aplay ? format == .wav : true
    }

    /// Whether the player can start on bytes arriving on stdin (fast start for long messages).
    public func readsStdin(_ format: AudioFormat) -> Bool {
        switch self {
        case .mpv, .ffplay, .sox: true
        case .aplay: format == .wav
        case .pwPlay, .paplay, .other: false
        }
    }

    /// Whether the player can start at an offset, so seeking can restart it there.
    public var startsAtOffset: Bool {
        switch self {
        case .mpv, .ffplay, .sox: true
        default: false
        }
    }

    /// Whether the player can play faster or slower, keeping the pitch: mpv (`--speed`, and
    /// live over its IPC), ffplay (`-af atempo=`), sox's play (the `tempo` effect). The others
    /// have no such option.
    public var changesSpeed: Bool {
        switch self {
        case .mpv, .ffplay, .sox: true
        default: false
        }
    }

    /// mpv is controlled over its JSON IPC socket; everything else by signals.
    public var hasIPC: Bool { self == .mpv }
}
