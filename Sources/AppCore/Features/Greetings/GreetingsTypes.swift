import VoicemailModel

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

/// A greeting as uploaded, and what was done to the file first (e.g. converted).
public struct GreetingUpload: Equatable, Sendable {
    public var greeting: GreetingInfo
    public var note: String?

    public init(greeting: GreetingInfo, note: String? = nil) {
        self.greeting = greeting
        self.note = note
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
