import AsteriskSpoolFormat
import Foundation
import Logging
import VoicemailModel

/// The spool of every mailbox the users file names: `DIR/<context>/<mailbox>/…`, laid out
/// and locked exactly as Asterisk's app_voicemail does, so pbx-sim can serve a real spool and
/// `vmtui --spool` can open pbx-sim's.
///
/// Each mailbox has its own writer (`MailboxSpool`): a slow write in one mailbox never holds up
/// another, and reads never wait for writes. Messages are named by (mailbox, msg_id).
final class SpoolStore: Sendable {
    let layout: SpoolLayout
    let users: UserDirectory
    let defaultCapacity: Int
    private let logger: Logger
    private let spools: [String: MailboxSpool]

    init(
        directory: URL, users: UserDirectory, defaultCapacity: Int, logger: Logger,
        context: String = SpoolLayout.defaultContext
    ) throws {
        layout = SpoolLayout(root: directory, context: context)
        self.users = users
        self.defaultCapacity = defaultCapacity
        self.logger = logger
        try SpoolMigration.moveLegacyMailboxes(layout: layout, mailboxes: users.users.map(\.extension), logger: logger)
        SpoolMigration.makePrivate(directory)
        var spools: [String: MailboxSpool] = [:]
        let recovery = SpoolRecovery(layout: layout, logger: logger)
        for user in users.users {
            spools[user.extension] = MailboxSpool(
                name: user.extension, layout: layout, folders: try recovery.recoverMailbox(user.extension), logger: logger)
        }
        self.spools = spools
    }

    // MARK: Reads

    func capacity(of mailbox: String) -> Int {
        users.user(mailbox)?.capacity ?? defaultCapacity
    }

    func generation(of mailbox: String) -> Int { spools[mailbox]?.generation ?? 0 }

    /// Every message of the mailbox, folders in Asterisk's order, each in spool order.
    func messages(in mailbox: String) -> [StoredMessage] {
        spools[mailbox]?.messages() ?? []
    }

    /// The messages of one folder of the mailbox (all of them when `folder` is nil).
    func messages(in mailbox: String, folder: Folder?) -> [StoredMessage] {
        guard let folder else { return messages(in: mailbox) }
        return spools[mailbox]?.messages(in: folder) ?? []
    }

    func count(in mailbox: String) -> Int { spools[mailbox]?.count ?? 0 }

    /// The message with this msg_id in this mailbox.
    func message(mailbox: String, id: String) -> StoredMessage? {
        spools[mailbox]?.message(id: id)
    }

    /// The first of `mailboxes` that holds a message with this msg_id (a forwarded copy has
    /// the original's id: the caller says which mailboxes it means, own first).
    func find(_ id: String, in mailboxes: [String]) -> StoredMessage? {
        for mailbox in mailboxes {
            if let message = spools[mailbox]?.message(id: id) { return message }
        }
        return nil
    }

    /// The message at a spool position, for position-based `/spoolview/` downloads.
    func message(mailbox: String, folder: Folder, number: Int) -> StoredMessage? {
        spools[mailbox]?.message(folder: folder, number: number)
    }

    /// The served audio of (mailbox, msg_id), opened: `.wav` preferred over `.mp3`, then GSM in
    /// WAV (`.WAV`). For the stable address `SpoolLayout.stableAudioPath`.
    func openAudio(mailbox: String, id: String) async throws -> OpenedAudio {
        guard let spool = spools[mailbox] else { throw StoreError.notFound("no mailbox \(mailbox)") }
        return try await spool.openAudio(id: id)
    }

    // MARK: Uploads

    /// Where the HTTP layer streams an upload for this mailbox before `deposit` or `setGreeting`
    /// takes it: `DIR/<context>/<mailbox>/tmp/`, on the spool's file system so the store renames
    /// the file into place. Name files with `newUploadFile(for:)` (leftovers are removed at start).
    func uploadStagingDirectory(for mailbox: String) throws -> URL {
        try spool(mailbox).stagingDirectory()
    }

    /// A fresh name in the staging area (the file is not created).
    func newUploadFile(for mailbox: String) throws -> URL {
        try spool(mailbox).newStagingFile("upload")
    }

    /// Writes bytes already in memory to a staging file (seed data, tests, small bodies).
    func stageUpload(_ data: Data, for mailbox: String) throws -> URL {
        let url = try newUploadFile(for: mailbox)
        guard FileManager.default.createFile(
            atPath: url.path, contents: data, attributes: [.posixPermissions: Int(DurableFiles.fileMode)])
        else { throw StoreError.io("cannot write the upload staging area of mailbox \(mailbox)") }
        return url
    }

    // MARK: Writes

    /// Files a new message: an urgent one in Urgent (flag=Urgent), others in INBOX, unless
    /// `folder` says where. `audioFile` must be in the mailbox's staging area; it is renamed
    /// into place. Refused when the mailbox is at its capacity or the folder holds 9999.
    func deposit(into mailbox: String, folder: Folder? = nil, audioFile: URL, record: MessageRecord) async throws -> StoredMessage {
        guard users.user(mailbox) != nil else { throw StoreError.notFound("no mailbox \(mailbox)") }
        let target = folder ?? (record.urgent ? .urgent : .inbox)
        return try await spool(mailbox).deposit(
            audioFile: audioFile, record: record, folder: target, capacity: capacity(of: mailbox))
    }

    func update(mailbox: String, id: String, read: Bool?, folder: Folder?) async throws -> StoredMessage {
        try await spool(mailbox).update(id: id, read: read, folder: folder)
    }

    /// Nothing is deleted unless every message exists.
    func delete(_ keys: [MessageKey]) async throws -> [String] {
        var byMailbox: [String: [String]] = [:]
        var order: [String] = []
        for key in keys {
            guard message(mailbox: key.mailbox, id: key.id) != nil else { throw StoreError.notFound("no message \(key.id)") }
            if byMailbox[key.mailbox]?.contains(key.id) ?? false { continue }
            if byMailbox[key.mailbox] == nil { order.append(key.mailbox) }
            byMailbox[key.mailbox, default: []].append(key.id)
        }
        var deleted: [String] = []
        for mailbox in order { deleted += try await spool(mailbox).delete(ids: byMailbox[mailbox] ?? []) }
        return deleted
    }

    /// A copy in each target's INBOX, unread, with the original's `.txt` (same msg_id, as
    /// Asterisk's copy); refused as a whole when a target is unknown or full.
    func forward(_ key: MessageKey, to targets: [String], label: String) async throws -> [ForwardedCopy] {
        let source = try spool(key.mailbox)
        guard source.message(id: key.id) != nil else { throw StoreError.notFound("no message \(key.id)") }
        for target in targets {
            guard users.user(target) != nil else { throw StoreError.notFound("no extension \(target)") }
        }
        for target in targets where count(in: target) >= capacity(of: target) {
            throw StoreError.mailboxFull("mailbox \(target) is full")
        }
        var copies: [ForwardedCopy] = []
        for target in targets {
            let destination = try spool(target)
            let staged = try await source.stageCopy(id: key.id, into: destination)
            let stored = try await destination.acceptCopy(staged, label: label, capacity: capacity(of: target))
            copies.append(ForwardedCopy(mailbox: target, id: stored.id))
        }
        return copies
    }

    // MARK: Greetings

    func greetingFile(_ mailbox: String, _ type: GreetingType) -> (url: URL, format: AudioFormat)? {
        spools[mailbox]?.greetingFile(named: type.spoolName)
    }

    /// The temporary greeting (`temp`), which Asterisk plays instead of both others.
    func temporaryGreetingFile(_ mailbox: String) -> (url: URL, format: AudioFormat)? {
        spools[mailbox]?.greetingFile(named: SpoolLayout.temporaryGreetingName)
    }

    /// `audioFile` must be in the mailbox's staging area; it replaces every recording of the type.
    func setGreeting(_ mailbox: String, _ type: GreetingType, audioFile: URL, format: AudioFormat) async throws {
        try await spool(mailbox).setGreeting(named: type.spoolName, audioFile: audioFile, format: format)
    }

    func resetGreeting(_ mailbox: String, _ type: GreetingType) async throws {
        try await spool(mailbox).resetGreeting(named: type.spoolName)
    }

    /// Records `source` again as `destination` (through the staging area, like an upload);
    /// false when `source` is the PBX default.
    func copyGreeting(_ mailbox: String, _ source: GreetingType, to destination: GreetingType) async throws -> Bool {
        guard let (url, format) = greetingFile(mailbox, source) else { return false }
        let staged = try stageUpload(try Data(contentsOf: url), for: mailbox)
        defer { try? FileManager.default.removeItem(at: staged) }
        try await setGreeting(mailbox, destination, audioFile: staged, format: format)
        return true
    }

    private func spool(_ mailbox: String) throws -> MailboxSpool {
        guard let spool = spools[mailbox] else { throw StoreError.notFound("no mailbox \(mailbox)") }
        return spool
    }
}
