import FoundationEssentials
import SystemBasics

/// The personal greetings of a mailbox (phone menu 0 → 1, 2, 3, 4). Not every PBX has all
/// four: `BackendCapabilities.greetingTypes` says which a backend has.
public enum GreetingType: String, Codable, Sendable, CaseIterable, Hashable {
    case unavailable
    case busy
    case name
    /// Asterisk's temporary greeting: while it exists, callers hear it instead of the
    /// unavailable and the busy greeting (app_voicemail plays `temp` first when present).
    case temporary

    /// The file name Asterisk uses for it in the mailbox folder.
    public var spoolName: String {
        switch self {
        case .unavailable: "unavail"
        case .busy: "busy"
        case .name: "greet"
        case .temporary: "temp"
        }
    }

    public var displayName: String {
        switch self {
        case .unavailable: "Unavailable"
        case .busy: "Busy"
        case .name: "Name"
        case .temporary: "Temporary"
        }
    }

    public init?(userInput: String) {
        switch userInput.trimmingSpaces().lowercased() {
        case "unavailable", "unavail", "1": self = .unavailable
        case "busy", "2": self = .busy
        case "name", "greet", "3": self = .name
        case "temporary", "temp", "4": self = .temporary
        default: return nil
        }
    }
}

/// `GET /api/v1/VoiceMail/Greetings` lists one of these per type (vmtui extension).
public struct GreetingInfo: Codable, Sendable, Equatable, Hashable {
    public var type: GreetingType
    /// False when the PBX plays its default prompt.
    public var present: Bool
    /// Seconds, when present.
    public var duration: Int?
    public var format: AudioFormat?
    public var size: Int?
    public var updated: Date?

    public init(
        type: GreetingType, present: Bool, duration: Int? = nil, format: AudioFormat? = nil,
        size: Int? = nil, updated: Date? = nil
    ) {
        self.type = type
        self.present = present
        self.duration = duration
        self.format = format
        self.size = size
        self.updated = updated
    }

    enum CodingKeys: String, CodingKey { case type, present, duration, format, size, updated }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(GreetingType.self, forKey: .type)
        present = try c.lenientBool(.present) ?? false
        duration = try c.lenientInt(.duration)
        format = try c.decodeIfPresent(AudioFormat.self, forKey: .format)
        size = try c.lenientInt(.size)
        updated = try c.lenientDate(.updated)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(present, forKey: .present)
        try c.encodeIfPresent(duration, forKey: .duration)
        try c.encodeIfPresent(format, forKey: .format)
        try c.encodeIfPresent(size, forKey: .size)
        try c.encodeIfPresent(updated.map { ISO8601.format($0) }, forKey: .updated)
    }
}

/// `POST /api/v1/VoiceMail/Greetings/{type}/copy` body (vmtui extension): the greeting type
/// to record the source again as.
public struct GreetingCopyRequest: Codable, Sendable, Equatable {
    public var to: GreetingType

    public init(to: GreetingType) { self.to = to }
}
