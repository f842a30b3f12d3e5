import AsteriskSpoolFormat
import Foundation
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
    struct Entry: Sendable {
        var text: CachedText
        /// The message as shown, for the place it was last seen at (see `shown`).
        var shown: (key: ShownKey, message: VoicemailMessage)?
    }

    struct ShownKey: Equatable, Sendable {
        var mailbox: String
        var folder: Folder
        var id: String
        var audio: [String]
    }

    /// One `.txt` as `read` found it.
    struct Reading {
        var record: MessageRecord
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
    /// file has not changed: one `lstat`, and one open and bounded read when it changed. With
    /// an empty cache (a first run) a file is opened at once (its fstat is the key).
    func read(_ url: URL, audioExtensions: [String]) -> Reading {
        var status = stat()
        if !entries.withLock({ $0.isEmpty }), lstat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            let entry = entries.withLock({ $0[TextFileKey(status)] }), entry.text.matches(status, audio: audioExtensions)
        {
            return Reading(record: entry.text.record, problem: nil, text: entry.text, fresh: false)
        }
        status = stat()
        let outcome = MessageText.read(path: url.path, status: &status)
        if case .notRegular = outcome { _ = lstat(url.path, &status) }
        let known = status.st_ino != 0
        let modified = known ? Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec)) : nil
        if case .text(let data) = outcome,
            let read = SpoolRecovery.readRecord(data: data, audioExtensions: audioExtensions, modified: modified)
        {
            // A file changed in the last seconds is not believed later: a second change within
            // the file system's clock tick would leave the same size and time (git's "racy" case).
            guard known, Int64(status.st_mtim.tv_sec) < Int64(time(nil)) - Self.settleSeconds else {
                return Reading(record: read.record, problem: nil, text: nil, fresh: true)
            }
            let text = CachedText(
                key: TextFileKey(status), size: Int64(status.st_size), modified: CachedText.modificationTime(status),
                audio: audioExtensions, record: read.record)
            entries.withLock { entries in
                // Another reader stored this very file meanwhile: keep its entry (and the
                // message it has shown), so the file's audio is not looked at twice.
                if let other = entries[text.key], other.text.matches(status, audio: audioExtensions) { return }
                entries[text.key] = Entry(text: text, shown: nil)
            }
            return Reading(record: read.record, problem: nil, text: text, fresh: true)
        }
        // Still a message to Asterisk: it shows with what is known, and says why (never cached).
        let problem = MessageText.problem(outcome, name: url.lastPathComponent)
            ?? "\(url.lastPathComponent) is not a message file (no [message] section)"
        let record = MessageRecord(
            id: MessageID.derived(origtime: nil, fileBytes: Data(url.path.utf8)), originalMailbox: "",
            callerID: CallerID(name: nil, number: ""), originTime: modified ?? Date(timeIntervalSince1970: 0),
            duration: 0, urgent: false, subject: nil, transcription: nil, format: .wav)
        return Reading(record: record, problem: problem, text: nil, fresh: true)
    }

    // MARK: Between runs

    /// Loads the mailbox's cache file once per process (the caller holds `scans`).
    func loadPersisted(mailboxPath: String) {
        guard let directory, persisted.withLock({ $0[mailboxPath] }) == nil else { return }
        let loaded = RecordCacheFile(directory: directory, mailboxPath: mailboxPath).load()
        entries.withLock { entries in
            for text in loaded where entries[text.key] == nil { entries[text.key] = Entry(text: text, shown: nil) }
        }
        persisted.withLock { $0[mailboxPath] = loaded.count }
    }

    /// Writes the mailbox's cache file after a scan (the caller holds `scans`) when the scan
    /// read a file anew or the file holds messages that are gone.
    func persist(mailboxPath: String, texts: [CachedText], fresh: Bool) {
        guard let directory, fresh || persisted.withLock({ $0[mailboxPath] }) != texts.count else { return }
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
            if entries[fileKey] != nil { entries[fileKey]!.shown = (key, made) }
        }
        return made
    }
}
