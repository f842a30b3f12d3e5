import SystemBasics

/// A voicemail folder, named as in the Asterisk spool (which is also what the API speaks).
///
/// An open set: the five phone-menu folders (0 New … 4 Friends) are the ones every PBX has,
/// Asterisk adds Urgent, Cust1–Cust5 and Deleted, and a server may report any other name;
/// a record in a folder nobody here has heard of still decodes and shows under its own name.
public struct Folder: RawRepresentable, CaseIterable, Codable, Sendable, Hashable, Comparable,
    CustomStringConvertible
{
    public let rawValue: String

    public static let inbox = Folder(canonical: "INBOX")
    public static let old = Folder(canonical: "Old")
    public static let work = Folder(canonical: "Work")
    public static let family = Folder(canonical: "Family")
    public static let friends = Folder(canonical: "Friends")
    /// Asterisk stores urgent new messages here, not in INBOX; they are unread like INBOX's.
    public static let urgent = Folder(canonical: "Urgent")
    public static let cust1 = Folder(canonical: "Cust1")
    public static let cust2 = Folder(canonical: "Cust2")
    public static let cust3 = Folder(canonical: "Cust3")
    public static let cust4 = Folder(canonical: "Cust4")
    public static let cust5 = Folder(canonical: "Cust5")
    public static let deleted = Folder(canonical: "Deleted")

    /// The five phone-menu folders, in digit order. (`CaseIterable` means these: the folders
    /// every mailbox shows whatever the PBX.)
    public static let allCases: [Folder] = [.inbox, .old, .work, .family, .friends]

    /// Every folder app_voicemail knows, in its own order (phone folders first).
    public static let asterisk: [Folder] =
        allCases + [.cust1, .cust2, .cust3, .cust4, .cust5, .deleted, .urgent]

    private init(canonical: String) { rawValue = canonical }

    /// Any name; a known one in any case ("inbox", "OLD", "urgent") becomes its canonical
    /// spelling. Empty names and names with path separators or control characters are not
    /// folders.
    public init?(rawValue: String) {
        let trimmed = rawValue.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.count <= 64,
            !trimmed.unicodeScalars.contains(where: { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }),
            trimmed != ".", trimmed != ".."
        else { return nil }
        if let known = Folder.asterisk.first(where: { $0.rawValue.lowercased() == trimmed.lowercased() }) {
            self = known
        } else {
            self.rawValue = trimmed
        }
    }

    /// The digit that selects this folder on the phone menu; nil for the others.
    public var digit: Int? { Folder.allCases.firstIndex(of: self) }

    /// Messages here are new (unread): INBOX and, on Asterisk, Urgent.
    public var holdsUnread: Bool { self == .inbox || self == .urgent }

    /// What users call the folder ("New" rather than the spool's "INBOX").
    public var displayName: String {
        self == .inbox ? "New" : rawValue
    }

    public var description: String { rawValue }

    public init?(digit: Int) {
        guard Folder.allCases.indices.contains(digit) else { return nil }
        self = Folder.allCases[digit]
    }

    /// Accepts what a person types: a name in any case ("work", "New", "inbox") or a digit 0–4.
    /// Only folders known to Asterisk are accepted from people (a typo is not a new folder).
    public init?(userInput: String) {
        let text = userInput.trimmingSpaces().lowercased()
        if let digit = Int(text) {
            self.init(digit: digit)
            return
        }
        if text == "new" {
            self = .inbox
            return
        }
        guard let folder = Folder.asterisk.first(where: { $0.rawValue.lowercased() == text }) else {
            return nil
        }
        self = folder
    }

    /// Any folder name a server sends decodes; known names are canonicalised.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let folder = Folder(rawValue: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid folder name \"\(raw)\"")
        }
        self = folder
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Phone folders by digit, then Asterisk's others in its order, then the rest by name.
    private var sortKey: (Int, String) {
        if let index = Folder.asterisk.firstIndex(of: self) { return (index, "") }
        return (Folder.asterisk.count, rawValue)
    }

    public static func < (lhs: Folder, rhs: Folder) -> Bool { lhs.sortKey < rhs.sortKey }
}
