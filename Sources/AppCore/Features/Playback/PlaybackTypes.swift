import VoicemailModel

/// When playing a message marks it read (config `mark_read_on`).
public enum MarkReadOn: String, Equatable, Sendable, CaseIterable {
    /// As soon as the player runs.
    case start
    /// When the player reached the end (as the phone does).
    case end
    case never
}

/// Something the external player plays.
public enum PlaybackTarget: Equatable, Sendable {
    /// `mailbox` as for the other effects (nil: the user's own).
    case message(VoicemailMessage, mailbox: String?)
    case greeting(GreetingInfo, mailbox: String?)

    public var format: AudioFormat {
        switch self {
        case .message(let message, _): message.format
        case .greeting(let greeting, _): greeting.format ?? .wav
        }
    }

    /// Seconds from the metadata, when known.
    public var duration: Double? {
        switch self {
        case .message(let message, _): message.duration > 0 ? Double(message.duration) : nil
        case .greeting(let greeting, _): greeting.duration.flatMap { $0 > 0 ? Double($0) : nil }
        }
    }

    public var messageID: String? {
        if case .message(let message, _) = self { return message.id }
        return nil
    }

    public var greetingType: GreetingType? {
        if case .greeting(let greeting, _) = self { return greeting.type }
        return nil
    }
}

/// What the runtime reports about a playback it runs.
public enum PlaybackReport: Equatable, Sendable {
    /// The player that will play (once per playback, before it starts). `discovered`: found
    /// in PATH rather than configured.
    case playerChosen(name: String, discovered: Bool)
    case starting
    case playing(elapsed: Double, total: Double?)
    case paused(elapsed: Double, total: Double?)
    /// The player reached the end.
    case finished
    case stopped
    /// The player failed (missing codec, crash, non-zero exit, download failure): one line.
    case failed(String)
    /// The message's audio could not be had: the message is gone (deleted elsewhere).
    case messageGone
    /// No player could be used; the line says what to install or configure.
    case noPlayer(String)
}

/// The playback shown in the details pane (or the status line when details are hidden).
public struct PlaybackInfo: Equatable, Sendable {
    public enum Phase: Equatable, Sendable { case starting, playing, paused }

    public var target: PlaybackTarget
    public var phase: Phase
    public var elapsed: Double
    public var total: Double?
    /// The player's program name, once known.
    public var player: String?
    /// Mark-read already asked for (policy `start`), so it is sent once.
    public var markedRead: Bool

    public init(target: PlaybackTarget) {
        self.target = target
        phase = .starting
        elapsed = 0
        total = target.duration
        player = nil
        markedRead = false
    }
}

/// One entry of a directory listing, for path completion.
public struct DirectoryEntry: Equatable, Sendable {
    public var name: String
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// The playback in the app state. (Saves, uploads and completions live in the request table,
/// `AppState.pending`; the greetings screen is an overlay, `AppState.greetings`.)
public struct AudioState: Equatable, Sendable {
    public var playback: PlaybackInfo?
    /// The player's name was said in the status line already.
    public var playerAnnounced: Bool
    /// How fast messages play (`[`/`]`), this one and the next; 1 is normal.
    public var speed: Double = 1

    public init() {
        playback = nil
        playerAnnounced = false
    }
}
