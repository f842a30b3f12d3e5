/// The five voicemail folders, numbered as on the phone menu (0 new … 4 friends).
/// Raw values are the Asterisk spool folder names, which are also what the API speaks.
public enum Folder: String, CaseIterable, Codable, Sendable, Hashable, Comparable {
    case inbox = "INBOX"
    case old = "Old"
    case work = "Work"
    case family = "Family"
    case friends = "Friends"

    /// The digit that selects this folder on the phone menu.
    public var digit: Int {
        switch self {
        case .inbox: 0
        case .old: 1
        case .work: 2
        case .family: 3
        case .friends: 4
        }
    }

    /// What users call the folder ("New" rather than the spool's "INBOX").
    public var displayName: String {
        self == .inbox ? "New" : rawValue
    }

    public init?(digit: Int) {
        guard let folder = Folder.allCases.first(where: { $0.digit == digit }) else { return nil }
        self = folder
    }

    /// Accepts what a person types: a name in any case ("work", "New", "inbox") or a digit 0–4.
    public init?(userInput: String) {
        let text = userInput.trimmingCharacters(in: .whitespaces).lowercased()
        if let digit = Int(text) {
            self.init(digit: digit)
            return
        }
        if text == "new" {
            self = .inbox
            return
        }
        guard let folder = Folder.allCases.first(where: { $0.rawValue.lowercased() == text }) else {
            return nil
        }
        self = folder
    }

    /// Tolerant of the case a server happens to use ("inbox", "old").
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let folder = Folder(userInput: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown folder \"\(raw)\"")
        }
        self = folder
    }

    public static func < (lhs: Folder, rhs: Folder) -> Bool { lhs.digit < rhs.digit }
}
