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
        for owner in api.users.openableMailboxes(for: viewer) {
            let needsPIN = owner.pinRequired && owner.extension != viewer.extension
            var unlocked = !needsPIN
            if needsPIN, request.headers[.voicemailPIN] != nil {
                pinTried = true
                unlocked = (try? api.access.pinUnlocks(owner.extension, viewer: viewer, request: request)) == true
                pinAccepted = pinAccepted || unlocked
            }
            var listing = MailboxListing(
                mailbox: owner.extension, name: owner.name, own: owner.extension == viewer.extension,
                pinRequired: needsPIN, capacity: await api.store.capacity(of: owner.extension))
            if unlocked {
                let messages = await api.store.messages(in: owner.extension).map(\.api)
                listing.counts = MailboxCounts(messages)
                tagParts += [owner.extension, String(await api.store.generation(of: owner.extension))]
            }
            summaries.append(listing)
        }
        // A PIN that opens none of the listed mailboxes is a wrong guess, counted like any other.
        if pinTried, !pinAccepted { throw APIError.pinWrong }
        if pinAccepted { tagParts.append("pin") }
        return try Responses.conditionalJSON(
            Page(total: summaries.count, records: summaries), etag: api.etag(tagParts), request: request)
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

    init(_ messages: [VoicemailMessage]) {
        folders = Folder.allCases.map { folder in
            let inFolder = messages.filter { $0.folder == folder }
            return FolderCount(folder: folder, total: inFolder.count, unread: inFolder.filter { !$0.read }.count)
        }
        new = messages.filter { $0.folder == .inbox }.count
        old = messages.count - new
        total = messages.count
        unread = messages.filter { !$0.read }.count
    }
}
