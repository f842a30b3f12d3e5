import AsteriskSpoolFormat
import DisplayText
import FoundationEssentials
import SystemBasics
import VoicemailBackend
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// `VoicemailBackend` over an Asterisk voicemail spool opened directly: what app_voicemail
/// reads and writes, changed the way app_voicemail changes it (its folder lock, contiguous
/// numbering, `.txt` copied verbatim). No PINs: the OS decides who may read what.
public struct AsteriskSpoolBackend: VoicemailBackend {
    public let configuration: SpoolConfiguration
    let layout: SpoolLayout
    let conf: VoicemailConf?
    /// Shared by every call of this backend: unchanged `.txt` files are parsed once (and, with
    /// a cache directory, once across runs).
    let cache: MessageInfoCache
    /// The last listing's order, for the pages after its first.
    let listings = ListingSnapshots()

    /// The spool root with its symbolic links resolved: nothing outside it is read or changed.
    let root: SpoolRoot

    var reader: SpoolReader { SpoolReader(layout: layout, root: root, cache: cache) }
    var writer: SpoolWriter { SpoolWriter(layout: layout, root: root, lockTimeout: lockSeconds, cache: cache) }
    var lockSeconds: TimeInterval {
        Double(configuration.lockTimeout.components.seconds) + Double(configuration.lockTimeout.components.attoseconds) / 1e18
    }
    var audio: AudioExport { AudioExport(soxPath: configuration.soxPath) }

    /// Checks that the spool and the context can be read; one line naming the problem if not.
    public init(_ configuration: SpoolConfiguration) throws {
        self.configuration = configuration
        cache = MessageInfoCache(directory: configuration.cacheDirectory)
        layout = SpoolLayout(root: configuration.root, context: configuration.context)
        root = SpoolRoot(configuration.root)
        guard SpoolLayout.isSafeName(configuration.context) else {
            throw VoicemailError.localFile(path: configuration.context, reason: "not a context name")
        }
        for name in [configuration.user] + (configuration.mailbox.map { [$0] } ?? []) where !SpoolLayout.isSafeName(name) {
            throw VoicemailError.localFile(path: name, reason: "not a mailbox name")
        }
        let root = configuration.root.path
        guard SpoolFiles.isDirectory(configuration.root) else {
            throw VoicemailError.localFile(
                path: root, reason: "no such directory (expected Asterisk's voicemail spool, e.g. /var/spool/asterisk/voicemail)")
        }
        guard access(root, R_OK | X_OK) == 0 else { throw Self.permissionDenied(root) }
        let contextPath = layout.contextDirectory
        guard SpoolFiles.isDirectory(contextPath) else {
            let found = SpoolFiles.names(in: configuration.root).filter {
                SpoolLayout.isSafeName($0) && SpoolFiles.isDirectory(configuration.root.appendingPathComponent($0))
            }.sorted()
            let hint = found.isEmpty ? "the spool has no context folders" : "contexts here: " + found.joined(separator: ", ")
            throw VoicemailError.localFile(path: contextPath.path, reason: "no context \"\(configuration.context)\" (\(hint)); see --context")
        }
        guard access(contextPath.path, R_OK | X_OK) == 0 else { throw Self.permissionDenied(contextPath.path) }
        if let path = configuration.voicemailConf {
            do {
                conf = try VoicemailConf.load(path)
            } catch {
                throw VoicemailError.localFile(path: path.path, reason: "cannot read voicemail.conf")
            }
        } else {
            conf = nil
        }
    }

    static func permissionDenied(_ path: String) -> VoicemailError {
        .localFile(path: path, reason: "permission denied (run as a member of the asterisk group, or sudo -u asterisk vmtui …)")
    }

    // MARK: Mailboxes

    /// The mailbox a call is about: the one named, else `--mailbox`, else the user's own.
    /// A mailbox with no folder yet (nothing ever left) exists when voicemail.conf lists it.
    func resolve(_ mailbox: String?) throws -> String {
        let name = mailbox ?? configuration.mailbox ?? configuration.user
        guard SpoolLayout.isSafeName(name) else { throw VoicemailError.notFound(what: "mailbox \(name)", reason: "not a mailbox name") }
        let directory = layout.mailbox(name)
        if SpoolFiles.isDirectory(directory) {
            guard root.contains(directory) else {
                throw VoicemailError.forbidden(mailbox: name, reason: "\(directory.path) leads outside the spool (a symbolic link)")
            }
            guard access(directory.path, R_OK | X_OK) == 0 else {
                throw VoicemailError.forbidden(mailbox: name, reason: "the OS user may not read \(directory.path)")
            }
            writer.recoverIfInterrupted(name)
            return name
        }
        if conf?.entry(name, context: configuration.context) != nil { return name }
        throw VoicemailError.notFound(what: "mailbox \(name)", reason: "no mailbox \(name) in context \(configuration.context)")
    }

    public func capabilities() async throws -> BackendCapabilities {
        let box = try resolve(nil)
        return BackendCapabilities(
            supported: [.markUnread, .move, .forward, .greetings, .greetingUpload, .greetingCopy, .mailboxList, .sharedMailboxes],
            greetingTypes: GreetingType.allCases, folders: reader.folders(of: box),
            name: "spool \(configuration.root.path) (context \(configuration.context))")
    }

    public func whoAmI() async throws -> AccountInfo? {
        AccountInfo(extension: configuration.user, name: conf?.entry(configuration.user, context: configuration.context)?.fullName)
    }

    public func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> {
        var names = reader.mailboxes()
        for entry in conf?.contexts[configuration.context] ?? [] where !names.contains(entry.mailbox) {
            if !SpoolFiles.exists(layout.mailbox(entry.mailbox)) { names.append(entry.mailbox) }
        }
        let summaries = names.map { summary(of: $0) }.sorted { ($0.own ? 0 : 1, Int($0.mailbox) ?? Int.max, $0.mailbox) < ($1.own ? 0 : 1, Int($1.mailbox) ?? Int.max, $1.mailbox) }
        return .modified(summaries, etag: nil)
    }

    func summary(of mailbox: String) -> MailboxSummary {
        let counts = reader.folders(of: mailbox).map { folder -> FolderCount in
            let total = reader.count(mailbox, folder)
            return FolderCount(folder: folder, total: total, unread: folder.holdsUnread ? total : 0)
        }
        let total = counts.reduce(0) { $0 + $1.total }
        let unread = counts.reduce(0) { $0 + $1.unread }
        return MailboxSummary(
            mailbox: mailbox, name: conf?.entry(mailbox, context: configuration.context)?.fullName ?? mailbox,
            own: mailbox == configuration.user, newCount: unread, oldCount: total - unread, total: total, unread: unread,
            pinRequired: false, capacity: (conf ?? VoicemailConf()).maxMessages(mailbox, context: configuration.context),
            capacityPerFolder: true, folders: counts)
    }

    // MARK: Messages

    public func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws
        -> Conditional<Page<VoicemailMessage>>
    {
        let box = try resolve(query.mailbox)
        let key = ListingSnapshots.key(query, mailbox: box)
        let ordered: [SpoolMessage]
        if query.start > 0, let kept = listings.later(key, stamps: reader.stamps(of: box)) {
            ordered = kept
        } else {
            let scan = reader.scan(of: box)
            let found = query.folder.map { folder in scan.messages.filter { $0.folder == folder } } ?? scan.messages
            ordered = self.ordered(found, query)
            if scan.settled { listings.keep(key, stamps: scan.stamps, ordered: ordered) }
        }
        let start = min(max(0, query.start), ordered.count)
        let end = min(ordered.count, start + max(0, query.count))
        // Only the page's messages are looked at further (their audio's size): a first page
        // of 100 costs 100 audio stats, not 10,000.
        return .modified(Page(total: ordered.count, records: ordered[start..<end].map { voicemail($0) }), etag: nil)
    }

    /// The messages a listing shows, in its order, sorted and searched on what the .txt files say.
    func ordered(_ found: [SpoolMessage], _ query: MessageQuery) -> [SpoolMessage] {
        let searching = query.search?.trimmingBlanks.lowercased() ?? ""
        if searching.isEmpty, query.sort == .date {
            // The usual list (newest first): sorted on the date and id alone.
            let keys = found.map { (date: $0.record.originTime, id: $0.id) }
            let ascending = query.direction == .ascending
            return keys.indices.sorted { a, b in
                let less = (keys[a].date, keys[a].id) < (keys[b].date, keys[b].id)
                return ascending ? less : !less && keys[a].id != keys[b].id
            }.map { found[$0] }
        }
        // A search or a sort by duration (which a file without one takes from the audio) needs
        // every message as shown.
        var keyed: [(key: VoicemailMessage, message: SpoolMessage)] = found.map { message in
            (searching.isEmpty && query.sort != .duration ? sortKey(message) : voicemail(message), message)
        }
        if !searching.isEmpty {
            keyed = keyed.filter { entry in
                [entry.key.callerName ?? "", entry.key.callerNumber, entry.key.subject ?? ""].contains { $0.lowercased().contains(searching) }
            }
        }
        let order = Self.order(query.sort, query.direction)
        keyed.sort { order($0.key, $1.key) }
        return keyed.map(\.message)
    }

    static func order(_ sort: MessageSort, _ direction: SortDirection) -> (VoicemailMessage, VoicemailMessage) -> Bool {
        { a, b in
            let ascending: Bool
            switch sort {
            case .date: ascending = (a.date, a.id) < (b.date, b.id)
            case .duration: ascending = (a.duration, a.date) < (b.duration, b.date)
            case .callerNumber: ascending = (a.callerNumber, a.date) < (b.callerNumber, b.date)
            case .callerName: ascending = ((a.callerName ?? "").lowercased(), a.date) < ((b.callerName ?? "").lowercased(), b.date)
            }
            return direction == .ascending ? ascending : !ascending && (a.id != b.id)
        }
    }

    public func message(id: String, mailbox: String?) async throws -> VoicemailMessage {
        let box = try resolve(mailbox)
        guard let found = reader.message(id: id, of: box) else { throw Self.notFound(id) }
        return voicemail(found)
    }

    static func notFound(_ id: String) -> VoicemailError {
        .notFound(what: "message \(id)", reason: "not in the spool")
    }

    /// The message as vmtui shows it: unread from the folder, urgency from the flag.
    func voicemail(_ message: SpoolMessage) -> VoicemailMessage {
        cache.shown(message) { convert(message) }
    }

    /// What sorting by date or caller needs, from the `.txt` alone (no audio looked at).
    func sortKey(_ message: SpoolMessage) -> VoicemailMessage {
        let record = message.record
        return VoicemailMessage(
            id: message.id, mailbox: message.mailbox, folder: message.folder, read: !message.folder.holdsUnread,
            urgent: record.urgent, callerName: record.callerID.name, callerNumber: record.callerID.number, date: record.originTime,
            duration: record.duration, format: .wav, size: 0, subject: nil)
    }

    func convert(_ message: SpoolMessage) -> VoicemailMessage {
        let record = message.record
        let form = message.preferredAudio
        let size = form.map { AudioSize.delivered(of: message.file($0.fileExtension), form: $0) } ?? 0
        // No duration in the file (or 0): the audio says how long it is.
        let duration = record.duration > 0
            ? record.duration : form.flatMap { AudioExport.duration(of: message.file($0.fileExtension), form: $0) } ?? 0
        // pbx-sim's subject (a forward's "Fwd: …" among them), else Asterisk's category, else
        // where a copy came from; a .txt that was not read says why.
        var subject = message.problem ?? record.subject ?? (record.category.trimmingBlanks.isEmpty ? nil : record.category.trimmingBlanks)
        if subject == nil, !record.originalMailbox.isEmpty, record.originalMailbox != message.mailbox {
            subject = "Fwd: from \(record.originalMailbox)"
        }
        return VoicemailMessage(
            id: message.id, mailbox: message.mailbox, folder: message.folder, read: !message.folder.holdsUnread,
            urgent: record.urgent, callerName: record.callerID.name, callerNumber: record.callerID.number, date: record.originTime,
            duration: duration, format: form == .mp3 ? .mp3 : .wav, size: size, subject: subject,
            transcription: record.transcription)
    }

    // MARK: Changes

    /// Read = out of INBOX and Urgent into Old (the flag stays); the others are left alone.
    public func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await markMoving(ids, mailbox, to: .old) { $0.folder.holdsUnread }
    }

    /// Unread = into INBOX, from wherever the message is (Urgent is unread already).
    public func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await markMoving(ids, mailbox, to: .inbox) { !$0.folder.holdsUnread }
    }

    /// Moves those of `ids` that `needsMove` to `destination`, from one scan of the mailbox;
    /// the answer is where each message now is. Only when an id repeats in the mailbox (a
    /// message forwarded to itself, ids then told apart by order) is it scanned again.
    func markMoving(
        _ ids: [String], _ mailbox: String?, to destination: Folder, needsMove: (SpoolMessage) -> Bool
    ) async throws -> [VoicemailMessage] {
        let box = try resolve(mailbox)
        let all = reader.messages(of: box)
        let found = try located(ids, in: all)
        let moving = found.filter(needsMove)
        var moved: [String: SpoolMessage] = [:]
        if !moving.isEmpty { try change(box) { moved = try writer.move(moving, of: box, to: destination) } }
        let idsRepeat = all.contains { $0.id.utf8.contains(UInt8(ascii: "~")) }
        guard !idsRepeat, moving.allSatisfy({ moved[$0.id] != nil }) else { return try reread(ids, box) }
        return found.map { voicemail(moved[$0.id] ?? $0) }
    }

    /// The messages with `ids` in a scan of the mailbox; a missing id fails before anything changes.
    func located(_ ids: [String], in all: [SpoolMessage]) throws -> [SpoolMessage] {
        // A few ids (one mark-read): looked for directly, no table of 10,000 ids made.
        if ids.count <= 4 {
            return try ids.map { id in
                guard let message = all.first(where: { $0.id == id }) else { throw Self.notFound(id) }
                return message
            }
        }
        var byID: [String: SpoolMessage] = [:]
        for message in all { byID[message.id] = message }
        return try ids.map { id in
            guard let message = byID[id] else { throw Self.notFound(id) }
            return message
        }
    }

    public func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        let box = try resolve(mailbox)
        guard Folder.asterisk.contains(folder) else {
            throw VoicemailError.badRequest(reason: "Asterisk has no folder \(folder.rawValue)")
        }
        try change(box) { try writer.move(ids: ids, of: box, to: folder) }
        return try reread(ids, box)
    }

    public func delete(ids: [String], mailbox: String?) async throws -> [String] {
        let box = try resolve(mailbox)
        try change(box) { try writer.delete(ids: ids, of: box) }
        return ids
    }

    public func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy] {
        let box = try resolve(mailbox)
        guard let message = reader.message(id: id, of: box) else { throw Self.notFound(id) }
        // Every target is checked before anything is copied.
        for target in extensions {
            let known = SpoolLayout.isSafeName(target)
                && (SpoolFiles.isDirectory(layout.mailbox(target)) || conf?.entry(target, context: configuration.context) != nil)
            guard known else { throw VoicemailError.noExtension(target) }
        }
        var copies: [ForwardedCopy] = []
        defer {
            cache.forgetScans()
            listings.forget()
        }
        for target in extensions {
            let number = try mapped(target) { try writer.copy(message, toMailbox: target) }
            let copy = reader.messages(of: target, folder: .inbox).first { $0.number == number }
            copies.append(ForwardedCopy(mailbox: target, id: copy?.id ?? message.id))
        }
        notify(extensions)
        return copies
    }

    /// Runs a change, maps its failure to one line, then lets the phones know.
    func change(_ mailbox: String, _ body: () throws -> Void) throws {
        defer {
            cache.forgetScans()
            listings.forget()
        }
        try mapped(mailbox, body)
        notify([mailbox])
    }

    func mapped<T>(_ mailbox: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as VoicemailError {
            throw error
        } catch let held as FolderLock.Busy {
            throw VoicemailError.localFile(
                path: held.folder,
                reason: "locked by another program (Asterisk) for more than \(Self.seconds(held.seconds)); nothing was changed, try again")
        } catch SpoolWriter.Failure.outsideSpool(let path) {
            throw VoicemailError.localFile(path: path, reason: "leads outside the spool (a symbolic link); nothing was changed")
        } catch SpoolWriter.Failure.unreadable(let path, let reason) {
            throw VoicemailError.localFile(path: path, reason: reason)
        } catch let failure as DurableFiles.IOError {
            throw VoicemailError.localFile(path: failure.path, reason: TerminalSafe.errorDetail(failure.description))
        } catch SpoolWriter.Failure.notFound(let id) {
            throw Self.notFound(id)
        } catch SpoolWriter.Failure.folderFull(let folder) {
            throw VoicemailError.mailboxFull(
                mailbox: mailbox, reason: "\(folder) holds \(SpoolLayout.maxMessagesPerFolder) messages, Asterisk's limit per folder")
        } catch AudioExport.Failure.conversion(let reason) {
            throw VoicemailError.localFile(path: configuration.soxPath, reason: reason)
        } catch AudioExport.Failure.noAudio {
            throw VoicemailError.notFound(what: "audio", reason: "no audio file in the spool")
        } catch {
            throw VoicemailError.localFile(path: layout.mailbox(mailbox).path, reason: TerminalSafe.errorDetail(String(describing: error)))
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : FixedDecimal.text(value, places: 1) + " s"
    }

    func reread(_ ids: [String], _ box: String) throws -> [VoicemailMessage] {
        var byID: [String: SpoolMessage] = [:]
        for message in reader.messages(of: box) { byID[message.id] = message }
        return ids.compactMap { byID[$0].map(voicemail) }
    }

    /// VoicemailRefresh over AMI when configured; a failure is a warning, the change stands.
    func notify(_ mailboxes: [String]) {
        guard let ami = configuration.ami else { return }
        do {
            try AMINotifier(ami).refresh(context: configuration.context, mailboxes: mailboxes)
        } catch {
            configuration.warn("\(error); the change was made, but phone message lights may lag")
        }
    }

    // MARK: Audio

    @discardableResult
    public func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        let box = try resolve(message.mailbox.isEmpty ? nil : message.mailbox)
        // By id, not by file number: the folder may have been renumbered since the list.
        guard let found = reader.message(id: message.id, of: box) else { throw Self.notFound(message.id) }
        guard let form = found.preferredAudio else {
            throw VoicemailError.notFound(what: "audio of message \(message.id)", reason: "no audio file beside \(found.textFile.lastPathComponent)")
        }
        let source = found.file(form.fileExtension)
        // Never what a symbolic link points at (it may lead out of the spool, to /etc/shadow).
        guard SpoolFiles.isRegularFile(source), root.contains(source.deletingLastPathComponent()) else {
            throw VoicemailError.localFile(path: source.path, reason: "not a regular file in the spool (a symbolic link?); not read")
        }
        let result = try mapped(box) { try audio.export(source, form: form, to: file, atomically: atomically) }
        progress?(TransferProgress(bytes: result.bytes, total: result.bytes))
        return DownloadResult(bytes: result.bytes, format: result.format, contentType: result.format.mimeType)
    }

    /// The OS decides who may read a spool mailbox; there is no PIN to remember.
    public func setPIN(_ pin: String?, forMailbox mailbox: String) {}
    public func pin(forMailbox mailbox: String) -> String? { nil }
}
