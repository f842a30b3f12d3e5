import VoicemailModel

/// One thing a PBX may or may not be able to do. Everything not listed here every backend
/// can do: list a folder, mark read, delete, fetch a message's audio.
public enum BackendCapability: String, CaseIterable, Sendable, Hashable, Codable {
    case markUnread = "mark-unread"
    case move
    case forward
    /// Read, upload, reset greetings (which types: `BackendCapabilities.greetingTypes`).
    case greetings
    /// Record a greeting and upload it (needs `greetings` and an upload).
    case greetingUpload = "greeting-upload"
    /// Copy one greeting onto another type of the same mailbox (needs `greetings`).
    case greetingCopy = "greeting-copy"
    /// Per-folder counts for the mailboxes the user may open (the Mailboxes call).
    case mailboxList = "mailbox-list"
    /// Opening a mailbox other than one's own.
    case sharedMailboxes = "shared-mailboxes"
    /// Mailboxes protected by a PIN the user must type.
    case pins
    /// ETag / If-None-Match: a refresh that changed nothing costs nothing.
    case conditionalRequests = "conditional-requests"
    /// Leaving a new message (tests and the demo).
    case deposit

    /// The one-line refusal when it is missing ("this PBX cannot mark a message unread").
    public var refusal: String {
        switch self {
        case .markUnread: "this PBX cannot mark a message unread"
        case .move: "this PBX cannot move messages between folders"
        case .forward: "this PBX cannot forward messages"
        case .greetings: "this PBX does not let vmtui manage greetings"
        case .greetingUpload: "this PBX cannot take a new greeting from vmtui"
        case .greetingCopy: "this PBX cannot copy one greeting onto another"
        case .mailboxList: "this PBX does not list mailboxes"
        case .sharedMailboxes: "this PBX does not let vmtui open other mailboxes"
        case .pins: "this PBX has no mailbox PINs"
        case .conditionalRequests: "this PBX does not support conditional requests"
        case .deposit: "this PBX cannot take a new message from vmtui"
        }
    }
}

/// What a backend can do, learned once per session without writing anything.
public struct BackendCapabilities: Sendable, Equatable {
    public var supported: Set<BackendCapability>
    /// Which greetings exist (empty without `.greetings`).
    public var greetingTypes: [GreetingType]
    /// The folders this backend has, phone folders first; always holds the five phone folders.
    public var folders: [Folder]
    /// Who describes the backend in messages: "pbx.example.com (Wildix API)", "spool /var/…".
    public var name: String

    public init(
        supported: Set<BackendCapability>, greetingTypes: [GreetingType] = [], folders: [Folder] = Folder.allCases,
        name: String = "this PBX"
    ) {
        self.supported = supported
        self.greetingTypes = supported.contains(.greetings) ? greetingTypes : []
        var all = Folder.allCases
        for folder in folders where !all.contains(folder) { all.append(folder) }
        self.folders = all
        self.name = name
    }

    public func has(_ capability: BackendCapability) -> Bool { supported.contains(capability) }

    /// Throws the one-line refusal when this backend has no greeting of that type (Wazo has
    /// no temporary greeting, Kazoo only the unavailable one).
    public func require(_ type: GreetingType) throws {
        try require(.greetings)
        guard greetingTypes.contains(type) else { throw VoicemailError.noSuchGreetingType(type, has: greetingTypes) }
    }

    /// Throws the one-line refusal when `capability` is missing.
    public func require(_ capability: BackendCapability) throws {
        guard has(capability) else { throw VoicemailError.unsupported(capability) }
    }

    /// Everything: pbx-sim's full contract (docs/api.md, [vmtui extension] parts included).
    public static let everything = BackendCapabilities(
        supported: Set(BackendCapability.allCases), greetingTypes: GreetingType.allCases)

    /// Only what a Wildix PBX is publicly known to answer: list, mark read (PUT, empty body),
    /// delete. Nothing else is ever sent to such a PBX.
    public static let wildixDocumented = BackendCapabilities(supported: [])
}
