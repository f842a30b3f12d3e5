import Foundation
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

/// What a recording reports.
public enum RecordingReport: Equatable, Sendable {
    case started(recorder: String)
    /// `level` is 0…1 when it can be measured.
    case progress(elapsed: Double, level: Double?)
    /// The recording is at `path` (private folder), `duration` seconds long.
    case finished(path: String, duration: Double, reachedLimit: Bool)
    case failed(String)
    case cancelled
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

/// A greeting as uploaded, and what was done to the file first (e.g. converted).
public struct GreetingUpload: Equatable, Sendable {
    public var greeting: GreetingInfo
    public var note: String?

    public init(greeting: GreetingInfo, note: String? = nil) {
        self.greeting = greeting
        self.note = note
    }
}

/// Audio and file I/O: the runtime runs these off the UI thread.
public enum AudioEffect: Equatable, Sendable {
    /// Plays through the external player (stopping any other playback) → `.playback(id, …)`
    /// reports until it ends.
    case play(RequestID, PlaybackTarget)
    case togglePause
    case stop
    /// Seconds, negative for back.
    case seek(Double)
    /// Saves a message's audio at `path` (a leading `~` means home) → `.transferProgress`,
    /// then `.saved` with the final path.
    case save(RequestID, mailbox: String?, id: String, path: String)
    /// Lists a directory as typed (`~` for home, empty for the working directory) →
    /// `.directoryListed`.
    case listDirectory(RequestID, path: String)
    case loadGreetings(RequestID, mailbox: String?)
    /// Checks (and converts when needed) the file, then uploads it → `.transferProgress`,
    /// `.greetingUploaded`. `isRecording`: the file is a private recording to delete after.
    case uploadGreeting(RequestID, mailbox: String?, type: GreetingType, path: String, isRecording: Bool)
    case resetGreeting(RequestID, mailbox: String?, type: GreetingType)
    /// Records `from` again as `to` on the PBX → `.greetingCopied`.
    case copyGreeting(RequestID, mailbox: String?, from: GreetingType, to: GreetingType)
    /// Starts the recorder → `.recording(id, …)` reports until it ends.
    case startRecording(RequestID)
    /// Stops the recorder and keeps the recording (then `.finished`).
    case stopRecording
    /// Stops the recorder and discards the recording (then `.cancelled`).
    case cancelRecording

    public var requestID: RequestID? {
        switch self {
        case .play(let id, _), .save(let id, _, _, _), .listDirectory(let id, _), .loadGreetings(let id, _),
            .uploadGreeting(let id, _, _, _, _), .resetGreeting(let id, _, _), .copyGreeting(let id, _, _, _),
            .startRecording(let id):
            id
        case .togglePause, .stop, .seek, .stopRecording, .cancelRecording:
            nil
        }
    }
}

/// Answers to `AudioEffect`s.
public enum AudioEvent: Equatable, Sendable {
    case playback(RequestID, PlaybackReport)
    /// Bytes moved so far by a save or an upload.
    case transferProgress(RequestID, bytes: Int64, total: Int64?)
    case directoryListed(RequestID, Result<[DirectoryEntry], AppError>)
    case greetingsLoaded(RequestID, Result<[GreetingInfo], AppError>)
    case greetingUploaded(RequestID, Result<GreetingUpload, AppError>)
    case greetingReset(RequestID, Result<GreetingInfo, AppError>)
    case greetingCopied(RequestID, Result<GreetingInfo, AppError>)
    case recording(RequestID, RecordingReport)
    /// Answer to `.save`: the path of the saved file.
    case saved(RequestID, Result<String, AppError>)
}

/// A save or upload under way, for the progress bar in the status line.
public struct TransferInfo: Equatable, Sendable {
    /// "Saving Bob-Nguyen-2026-11-27-0815.wav", "Uploading the Busy greeting".
    public var label: String
    public var bytes: Int64
    public var total: Int64?

    public init(label: String, bytes: Int64 = 0, total: Int64? = nil) {
        self.label = label
        self.bytes = bytes
        self.total = total
    }
}

/// The greetings screen (`G`).
public struct GreetingsState: Equatable, Sendable {
    public enum Activity: Equatable, Sendable {
        case uploading(GreetingType)
        case resetting(GreetingType)
        case copying(from: GreetingType, to: GreetingType)
        /// `recorder` once the recorder runs.
        case recording(GreetingType, elapsed: Double, level: Double?, recorder: String?)
        case stoppingRecording(GreetingType)
    }

    /// The mailbox whose greetings these are (nil: the user's own).
    public var mailbox: String?
    /// The backend's greeting types in phone order; entries not loaded yet read "PBX default".
    public var items: [GreetingInfo]
    public var isLoading: Bool
    public var loaded: Bool
    public var selection: Int
    public var activity: Activity?

    public init(mailbox: String?, types: [GreetingType] = GreetingType.allCases) {
        self.mailbox = mailbox
        items = types.map { GreetingInfo(type: $0, present: false) }
        isLoading = true
        loaded = false
        selection = 0
        activity = nil
    }

    public var selected: GreetingInfo { items[max(0, min(selection, items.count - 1))] }

    public var isRecording: Bool {
        switch activity {
        case .recording?, .stoppingRecording?: true
        default: false
        }
    }

    public mutating func replace(_ greeting: GreetingInfo) {
        if let index = items.firstIndex(where: { $0.type == greeting.type }) { items[index] = greeting }
    }
}

/// The playback in the app state. (Saves, uploads and completions live in the request table,
/// `AppState.pending`; the greetings screen is an overlay, `AppState.greetings`.)
public struct AudioState: Equatable, Sendable {
    public var playback: PlaybackInfo?
    /// The player's name was said in the status line already.
    public var playerAnnounced: Bool

    public init() {
        playback = nil
        playerAnnounced = false
    }
}
