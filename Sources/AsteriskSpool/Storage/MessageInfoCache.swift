import AsteriskSpoolFormat
import FoundationEssentials
import Synchronization
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// Parsed `.txt` files by device and inode, believed while the file is the same (size,
/// modification time, audio beside it: `CachedText`), in memory and, with a cache directory,
/// between runs (`RecordCacheFile`). A listing of a large mailbox then costs a directory
/// listing and one `lstat` per message instead of opening and parsing every file, and a
/// folder Asterisk renumbered (renames keep the inode) is not read again.
final class MessageInfoCache: Sendable {
    /// Small, so a table of 10,000 stays small: what is shown is held by reference.
    struct Entry: Sendable {
        var text: CachedText
        /// The message as shown, for the place it was last seen at (see `shown`).
        var shown: Shown?
    }

    final class Shown: Sendable {
        let key: ShownKey
        let message: VoicemailMessage

        init(_ key: ShownKey, _ message: VoicemailMessage) {
            self.key = key
            self.message = message
        }
    }

    struct ShownKey: Equatable, Sendable {
        var mailbox: String
        var folder: Folder
        var id: String
        var audio: [String]
    }

    /// One `.txt` as `read` found it.
    struct Reading {
        var box: RecordBox
        /// The file as it was read or believed; nil when it was not a readable regular file.
        var stamp: TextStamp? = nil
        var problem: String?
        /// What to keep between runs; nil for a file that was not read whole.
        var text: CachedText?
        /// The file was opened and parsed (not believed from the cache).
        var fresh: Bool
    }

    private let entries = Mutex<[TextFileKey: Entry]>([:])
    /// Mailboxes whose cache file was loaded (by path), with how many entries it then held.
    private let persisted = Mutex<[String: Int]>([:])
    /// Where cache files live; nil keeps everything in memory.
    let directory: URL?
    /// One mailbox scan at a time: a folder listing of New asks for INBOX and Urgent at once,
    /// and each reads the whole mailbox (ids are unique over it); the second then finds every
    /// file in the cache (one lstat each) instead of opening them all again.
    let scans = Mutex<Void>(())

    static let settleSeconds: Int64 = 2

    init(directory: URL? = nil) {
        self.directory = directory
    }

    /// The file's fields (and why it was not read, if it was not), from the cache when the
    /// file has not changed: one `fstatat` in its open folder, and one open and bounded read
    /// when it changed. With an empty cache (a first run) a file is opened at once (its fstat
    /// is the key).
    /// `known` is the file's status when the caller asked for it already.
    func read(_ number: Int, in folder: FolderFiles, known: stat? = nil, audioExtensions: [String]) -> Reading {
        let name = SpoolLayout.baseName(number) + ".txt"
        if !entries.withLock({ $0.isEmpty }), let status = known ?? folder.status(of: name), status.st_mode & S_IFMT == S_IFREG,
            let text = entries.withLock({ $0[TextFileKey(status)]?.text }), text.matches(status, audio: audioExtensions)
        {
            return Reading(box: text.box, stamp: TextStamp(status), problem: nil, text: text, fresh: false)
        }
        let path = folder.path + "/" + name
        var status = stat()
        let outcome = MessageText.read(path: path, status: &status)
        if case .notRegular = outcome { _ = lstat(path, &status) }
        let known = status.st_ino != 0
        let modified = known ? Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec)) : nil
        if case .text(let data) = outcome,
            let read = SpoolRecovery.readRecord(data: data, audioExtensions: audioExtensions, modified: modified)
        {
            let box = RecordBox(read.record)
            // A file changed in the last seconds is not believed later: a second change within
            // the file system's clock tick would leave the same size and time (git's "racy" case).
            guard known, Int64(status.st_mtim.tv_sec) < Int64(time(nil)) - Self.settleSeconds else {
                return Reading(box: box, stamp: known ? TextStamp(status) : nil, problem: nil, text: nil, fresh: true)
            }
            let text = CachedText(
                key: TextFileKey(status), size: Int64(status.st_size), modified: CachedText.modificationTime(status),
                audio: audioExtensions, box: box)
            entries.withLock { entries in
                // Another reader stored this very file meanwhile: keep its entry (and the
                // message it has shown), so the file's audio is not looked at twice.
                if let other = entries[text.key], other.text.matches(status, audio: audioExtensions) { return }
                entries[text.key] = Entry(text: text, shown: nil)
            }
            return Reading(box: box, stamp: TextStamp(status), problem: nil, text: text, fresh: true)
        }
        // Still a message to Asterisk: it shows with what is known, and says why (never cached).
        let problem = MessageText.problem(outcome, name: name) ?? "\(name) is not a message file (no [message] section)"
        let record = MessageRecord(
            id: MessageID.derived(origtime: nil, fileBytes: Data(path.utf8)), originalMailbox: "",
            callerID: CallerID(name: nil, number: ""), originTime: modified ?? Date(timeIntervalSince1970: 0),
            duration: 0, urgent: false, subject: nil, transcription: nil, format: .wav)
        return Reading(box: RecordBox(record), problem: problem, text: nil, fresh: true)
    }

    /// Nothing is cached (a first run): every file is opened at once, none looked at first.
    var isEmpty: Bool { entries.withLock { $0.isEmpty } }

    // MARK: Shared scans

    /// The last scan of each mailbox (by path) and when it ended.
    private let lastScans = Mutex<[String: (scan: MailboxScan, ended: ContinuousClock.Instant)]>([:])

    /// The mailbox's last scan for a call that began before it ended (the two overlapped) when
    /// no folder has changed since; else nil (the caller holds `scans`).
    func sharedScan(_ mailboxPath: String, stamps: [FolderStamp], begunAt began: ContinuousClock.Instant) -> MailboxScan? {
        lastScans.withLock { scans in
            guard let last = scans[mailboxPath], began <= last.ended, last.scan.stamps == stamps else { return nil }
            return last.scan
        }
    }

    func keepScan(_ mailboxPath: String, _ scan: MailboxScan) {
        lastScans.withLock { $0[mailboxPath] = (scan, ContinuousClock.now) }
    }

    /// After a change of our own: the next call scans again.
    func forgetScans() {
        lastScans.withLock { $0.removeAll() }
    }

    // MARK: Between runs

    /// Loads the mailbox's cache file once per process (the caller holds `scans`).
    func loadPersisted(mailboxPath: String) {
        guard let directory, persisted.withLock({ $0[mailboxPath] }) == nil else { return }
        let loaded = RecordCacheFile(directory: directory, mailboxPath: mailboxPath).load()
        entries.withLock { entries in
            entries.reserveCapacity(entries.count + loaded.count)
            for text in loaded where entries[text.key] == nil { entries[text.key] = Entry(text: text, shown: nil) }
        }
        persisted.withLock { $0[mailboxPath] = loaded.count }
    }

    /// Writes the mailbox's cache file after a scan (the caller holds `scans`) when the scan
    /// read files anew (`fresh` of them) or a quarter of the file's messages are gone. In a
    /// mailbox of thousands, up to 1 % read anew each run (the message a change just filed)
    /// costs less than writing the whole file again. An entry of a message that is gone is
    /// never believed (no `.txt` has its inode, size and time), so a change that only removes
    /// (a message moved away) does not rewrite the file either.
    func persist(mailboxPath: String, texts: [CachedText], fresh: Int) {
        let worthWriting = fresh > 0 && (texts.count < 1000 || fresh * 100 >= texts.count)
        guard let directory, worthWriting || texts.count * 4 < (persisted.withLock({ $0[mailboxPath] }) ?? 0) * 3 else { return }
        RecordCacheFile(directory: directory, mailboxPath: mailboxPath).save(texts)
        persisted.withLock { $0[mailboxPath] = texts.count }
    }

    // MARK: Shown

    /// The converted message of a `.txt` read through `read` just before, when it was made
    /// for the same mailbox, folder, id and audio files; else `make()`, remembered.
    func shown(_ message: SpoolMessage, make: () -> VoicemailMessage) -> VoicemailMessage {
        let key = ShownKey(mailbox: message.mailbox, folder: message.folder, id: message.id, audio: message.audioExtensions)
        guard let fileKey = message.textKey else { return make() }
        if let cached = entries.withLock({ $0[fileKey]?.shown }), cached.key == key { return cached.message }
        let made = make()
        entries.withLock { entries in
            if entries[fileKey] != nil { entries[fileKey]!.shown = Shown(key, made) }
        }
        return made
    }
}
