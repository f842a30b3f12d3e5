import FoundationEssentials

/// Per-folder counts of one mailbox.
public struct FolderCount: Codable, Sendable, Equatable, Hashable {
    public var folder: Folder
    public var total: Int
    public var unread: Int

    public init(folder: Folder, total: Int, unread: Int) {
        self.folder = folder
        self.total = total
        self.unread = unread
    }

    enum CodingKeys: String, CodingKey { case folder, total, unread }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        folder = try c.decode(Folder.self, forKey: .folder)
        total = try c.lenientInt(.total) ?? 0
        unread = try c.lenientInt(.unread) ?? 0
    }
}

/// A mailbox the caller may open: `GET /api/v1/VoiceMail/Mailboxes` (vmtui extension).
public struct MailboxSummary: Codable, Sendable, Equatable, Hashable, Identifiable {
    /// The extension that owns the mailbox.
    public var mailbox: String
    /// The owner's display name.
    public var name: String
    /// True for the caller's own mailbox.
    public var own: Bool
    /// Messages in INBOX and Urgent (Asterisk's "new"; what New lists on the screen and in the CLI).
    public var newCount: Int
    /// Messages in every other folder (Asterisk's "old").
    public var oldCount: Int
    public var total: Int
    /// Unread messages across all folders.
    public var unread: Int
    /// Whether opening this mailbox needs the owner's PIN (X-Voicemail-PIN).
    public var pinRequired: Bool
    /// The mailbox's message limit (100 by default on Wildix).
    public var capacity: Int?
    /// True when the limit counts each folder on its own (Asterisk's `maxmsg`: a caller is
    /// refused when INBOX is full); false when it counts the whole mailbox. Not sent on the wire.
    public var capacityPerFolder: Bool = false
    public var folders: [FolderCount]

    public var id: String { mailbox }

    public init(
        mailbox: String, name: String, own: Bool, newCount: Int, oldCount: Int, total: Int,
        unread: Int, pinRequired: Bool = false, capacity: Int? = nil, capacityPerFolder: Bool = false,
        folders: [FolderCount] = []
    ) {
        self.mailbox = mailbox
        self.name = name
        self.own = own
        self.newCount = newCount
        self.oldCount = oldCount
        self.total = total
        self.unread = unread
        self.pinRequired = pinRequired
        self.capacity = capacity
        self.capacityPerFolder = capacityPerFolder
        self.folders = folders
    }

    public func count(of folder: Folder) -> FolderCount {
        folders.first { $0.folder == folder } ?? FolderCount(folder: folder, total: 0, unread: 0)
    }

    enum CodingKeys: String, CodingKey {
        case mailbox, name, own
        case newCount = "new"
        case oldCount = "old"
        case total, unread, pinRequired, capacity, folders
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let mailbox = try c.lenientString(.mailbox) else {
            throw DecodingError.keyNotFound(
                CodingKeys.mailbox, .init(codingPath: c.codingPath, debugDescription: "mailbox without extension"))
        }
        self.mailbox = mailbox
        name = try c.lenientString(.name) ?? mailbox
        own = try c.lenientBool(.own) ?? false
        newCount = try c.lenientInt(.newCount) ?? 0
        oldCount = try c.lenientInt(.oldCount) ?? 0
        total = try c.lenientInt(.total) ?? (newCount + oldCount)
        unread = try c.lenientInt(.unread) ?? newCount
        pinRequired = try c.lenientBool(.pinRequired) ?? false
        capacity = try c.lenientInt(.capacity)
        folders = try c.decodeIfPresent([FolderCount].self, forKey: .folders) ?? []
    }
}
