import AsteriskSpoolFormat
import Foundation
import Synchronization
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// Parsed `.txt` files by path, reused while the file is the same (inode, size, change
/// time): a refresh of a large mailbox then costs a directory listing and a stat per
/// message instead of reading and parsing every file again. A renamed file keeps its inode
/// and is found again under its new path only after one re-read, which is cheap.
final class MessageInfoCache: Sendable {
    struct Entry: Sendable {
        var inode: UInt64
        var size: Int64
        var changed: Int64
        var record: MessageRecord
        var problem: String?
        /// The message as shown, for the place it was last seen at (see `shown`).
        var shown: (key: ShownKey, message: VoicemailMessage)?
    }

    struct ShownKey: Equatable, Sendable {
        var mailbox: String
        var folder: Folder
        var id: String
        var audio: [String]
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// One mailbox scan at a time: a folder listing of New asks for INBOX and Urgent at once,
    /// and each reads the whole mailbox (ids are unique over it); the second then finds every
    /// file in the cache (one lstat each) instead of opening them all again.
    let scans = Mutex<Void>(())

    /// The file's fields (and why it was not read, if it was not), from the cache when the
    /// file has not changed. One `lstat`, and one bounded read when it changed.
    func read(_ url: URL, audioExtensions: [String]) -> (record: MessageRecord, problem: String?) {
        var status = stat()
        // A file seen before is checked with one lstat; a new one is opened at once (its
        // fstat is the key), so a first listing costs one open and one read per message.
        if let entry = entries.withLock({ $0[url.path] }), lstat(url.path, &status) == 0,
            entry.inode == UInt64(status.st_ino), entry.size == Int64(status.st_size),
            entry.changed == Self.changeTime(status)
        {
            return (entry.record, entry.problem)
        }
        status = stat()
        let outcome = MessageText.read(path: url.path, status: &status)
        if case .notRegular = outcome { _ = lstat(url.path, &status) }
        let known = status.st_ino != 0
        let changed = Self.changeTime(status)
        let modified = known ? Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec)) : nil
        var problem = MessageText.problem(outcome, name: url.lastPathComponent)
        var record: MessageRecord
        if case .text(let data) = outcome,
            let read = SpoolRecovery.readRecord(data: data, audioExtensions: audioExtensions, modified: modified)
        {
            record = read.record
        } else {
            // Still a message to Asterisk: it shows with what is known, and says why.
            if problem == nil { problem = "\(url.lastPathComponent) is not a message file (no [message] section)" }
            record = MessageRecord(
                id: MessageID.derived(origtime: nil, fileBytes: Data(url.path.utf8)), originalMailbox: "",
                callerID: CallerID(name: nil, number: ""), originTime: modified ?? Date(timeIntervalSince1970: 0),
                duration: 0, urgent: false, subject: nil, transcription: nil, format: .wav)
        }
        if known {
            entries.withLock { entries in
                // Another reader stored this very file meanwhile: keep its entry (and the
                // message it has shown), so the file's audio is not looked at twice.
                if let other = entries[url.path], other.inode == UInt64(status.st_ino), other.size == Int64(status.st_size),
                    other.changed == changed
                { return }
                entries[url.path] = Entry(
                    inode: UInt64(status.st_ino), size: Int64(status.st_size), changed: changed, record: record, problem: problem,
                    shown: nil)
            }
        }
        return (record, problem)
    }

    static func changeTime(_ status: stat) -> Int64 {
        Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    /// The converted message of a `.txt` read through `read` just before, when it was made
    /// for the same mailbox, folder, id and audio files; else `make()`, remembered.
    func shown(_ message: SpoolMessage, make: () -> VoicemailMessage) -> VoicemailMessage {
        let path = message.textFile.path
        let key = ShownKey(mailbox: message.mailbox, folder: message.folder, id: message.id, audio: message.audioExtensions)
        if let cached = entries.withLock({ $0[path]?.shown }), cached.key == key { return cached.message }
        let made = make()
        entries.withLock { entries in
            if entries[path] != nil { entries[path]!.shown = (key, made) }
        }
        return made
    }
}
