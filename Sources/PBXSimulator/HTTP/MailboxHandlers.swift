import Foundation
import Hummingbird
import VoicemailModel

/// `GET /api/v1/VoiceMail/Mailboxes`: the mailboxes the caller may open, own first. A mailbox
/// behind a PIN is listed with its name but without counts until the request carries its PIN
/// (how many messages someone has is already something the PIN protects).
struct MailboxHandlers {
    let api: SimulatorAPI
    let viewer: SimulatorUser
    let request: Request

    func list() async throws -> Response {
        var summaries: [MailboxListing] = []
        var tagParts = ["mailboxes", viewer.extension]
        var pinAccepted = false
        var pinTried = false
        var unlockedMailboxes: Set<String> = []
        for owner in api.users.openableMailboxes(for: viewer) {
            let needsPIN = owner.pinRequired && owner.extension != viewer.extension
            var unlocked = !needsPIN
            if needsPIN, request.headers[.voicemailPIN] != nil {
                pinTried = true
                unlocked = (try? api.access.pinUnlocks(owner.extension, viewer: viewer, request: request)) == true
                pinAccepted = pinAccepted || unlocked
            }
            let listing = MailboxListing(
                mailbox: owner.extension, name: owner.name, own: owner.extension == viewer.extension,
                pinRequired: needsPIN, capacity: api.store.capacity(of: owner.extension))
            if unlocked {
                unlockedMailboxes.insert(owner.extension)
                tagParts += [owner.extension, String(api.store.generation(of: owner.extension))]
            }
            summaries.append(listing)
        }
        // A PIN that opens none of the listed mailboxes is a wrong guess, counted like any other.
        if pinTried, !pinAccepted { throw APIError.pinWrong }
        if pinAccepted { tagParts.append("pin") }
        let etag = api.etag(tagParts)
        // Unchanged: answered before counting a message.
        if let unchanged = Responses.notModified(etag: etag, request: request) { return unchanged }
        for index in summaries.indices where unlockedMailboxes.contains(summaries[index].mailbox) {
            summaries[index].counts = MailboxCounts(
                api.store.messages(in: summaries[index].mailbox).lazy.map { (folder: $0.folder, read: $0.isRead) })
        }
        return try Responses.conditionalJSON(
            Page(total: summaries.count, records: summaries), etag: etag, request: request)
    }
}

/// One row of the Mailboxes answer (`MailboxSummary`'s shape, the counts optional).
struct MailboxListing: Codable, Sendable {
    var mailbox: String
    var name: String
    var own: Bool
    var pinRequired: Bool
    var capacity: Int
    var counts: MailboxCounts?

    enum CodingKeys: String, CodingKey { case mailbox, name, own, pinRequired, capacity }

    init(mailbox: String, name: String, own: Bool, pinRequired: Bool, capacity: Int) {
        self.mailbox = mailbox
        self.name = name
        self.own = own
        self.pinRequired = pinRequired
        self.capacity = capacity
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mailbox = try c.decode(String.self, forKey: .mailbox)
        name = try c.decode(String.self, forKey: .name)
        own = try c.decode(Bool.self, forKey: .own)
        pinRequired = try c.decode(Bool.self, forKey: .pinRequired)
        capacity = try c.decode(Int.self, forKey: .capacity)
        counts = try? MailboxCounts(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mailbox, forKey: .mailbox)
        try c.encode(name, forKey: .name)
        try c.encode(own, forKey: .own)
        try c.encode(pinRequired, forKey: .pinRequired)
        try c.encode(capacity, forKey: .capacity)
        try counts?.encode(to: encoder)
    }
}

/// `new`, `old`, `total`, `unread` and the per-folder counts of one mailbox.
struct MailboxCounts: Codable, Sendable {
    var new: Int
    var old: Int
    var total: Int
    var unread: Int
    var folders: [FolderCount]

    /// The phone's five folders always, then any other Asterisk folder that holds messages;
    /// `new` counts what Asterisk counts as new (INBOX and Urgent).
    /// One pass over the messages' folders and read flags (a mailbox may hold 100,000).
    init<Messages: Sequence>(_ messages: Messages) where Messages.Element == (folder: Folder, read: Bool) {
        var byFolder: [Folder: (total: Int, unread: Int)] = [:]
        for message in messages {
            byFolder[message.folder, default: (0, 0)].total += 1
            if !message.read { byFolder[message.folder, default: (0, 0)].unread += 1 }
        }
        let shown = Folder.allCases + Folder.asterisk.filter { !Folder.allCases.contains($0) && byFolder[$0] != nil }
        folders = shown.map { FolderCount(folder: $0, total: byFolder[$0]?.total ?? 0, unread: byFolder[$0]?.unread ?? 0) }
        new = byFolder.filter { $0.key.holdsUnread }.reduce(0) { $0 + $1.value.total }
        total = byFolder.values.reduce(0) { $0 + $1.total }
        old = total - new
        unread = byFolder.values.reduce(0) { $0 + $1.unread }
    }
}
