import AsteriskSpoolFormat
import Foundation
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// Reads mailboxes from the spool without changing anything (and without locks: Asterisk
/// itself reads without them, and a rename is atomic). Nothing outside the spool root is read:
/// a mailbox or folder that is a symbolic link counts only when it resolves inside.
struct SpoolReader: Sendable {
    let layout: SpoolLayout
    let root: SpoolRoot
    var cache = MessageInfoCache()

    /// Folders of `mailbox` that exist on disk, in Asterisk's order. `tmp` (recordings in
    /// progress) and anything else that is not an app_voicemail folder is not a folder.
    func folders(of mailbox: String) -> [Folder] {
        let names = Set(SpoolFiles.names(in: layout.mailbox(mailbox)))
        return Folder.asterisk.filter { folder in
            guard names.contains(folder.rawValue) else { return false }
            let url = layout.folder(mailbox, folder)
            return SpoolFiles.isDirectory(url) && root.contains(url)
        }
    }

    /// Every message of `mailbox` (or of one folder), ids assigned and unique in the mailbox.
    func messages(of mailbox: String, folder only: Folder? = nil) -> [SpoolMessage] {
        guard root.contains(layout.mailbox(mailbox)) else { return [] }
        // Ids are made unique over the whole mailbox, so one folder is read as part of all.
        let mailboxPath = layout.mailbox(mailbox).path
        var all: [SpoolMessage] = cache.scans.withLock { _ in
            cache.loadPersisted(mailboxPath: mailboxPath)
            var texts: [CachedText] = []
            var fresh = false
            let found = folders(of: mailbox).flatMap { readFolder(mailbox, $0, texts: &texts, fresh: &fresh) }
            cache.persist(mailboxPath: mailboxPath, texts: texts, fresh: fresh)
            return found
        }
        let ids = MessageIdentity.disambiguate(all.map(\.id))
        for index in all.indices { all[index].id = ids[index] }
        guard let only else { return all }
        return all.filter { $0.folder == only }
    }

    func message(id: String, of mailbox: String) -> SpoolMessage? {
        messages(of: mailbox).first { $0.id == id }
    }

    /// The messages of one folder by number. A `.txt` that cannot be read still counts (it
    /// is a message to Asterisk); it shows with what could be read, and says why.
    func readFolder(_ mailbox: String, _ folder: Folder, texts: inout [CachedText], fresh: inout Bool) -> [SpoolMessage] {
        let directory = layout.folder(mailbox, folder)
        let (numbers, audio) = Self.files(in: directory)
        return numbers.map { number in
            let extensions = (audio[number] ?? []).sorted()
            // isDirectory given: without it Foundation stats the path to find out.
            let text = directory.appendingPathComponent(SpoolLayout.baseName(number) + ".txt", isDirectory: false)
            let reading = cache.read(text, audioExtensions: extensions)
            if let text = reading.text { texts.append(text) }
            // Saved again only for what the cache can keep (a file of the last seconds is not).
            fresh = fresh || (reading.fresh && reading.text != nil)
            var message = SpoolMessage(
                mailbox: mailbox, folder: folder, number: number, audioExtensions: extensions, record: reading.record,
                problem: reading.problem, id: reading.record.id, directory: directory)
            message.textKey = reading.text?.key
            return message
        }
    }

    /// The `.txt` numbers of a folder, sorted, and the audio extensions of each number.
    static func files(in directory: URL) -> (texts: [Int], audio: [Int: [String]]) {
        var texts: [Int] = []
        var audio: [Int: [String]] = [:]
        for name in SpoolFiles.names(in: directory) {
            guard let (number, ext) = SpoolLayout.parseFileName(name), number < SpoolLayout.maxMessagesPerFolder else { continue }
            if ext == "txt" { texts.append(number) } else { audio[number, default: []].append(ext) }
        }
        return (texts.sorted(), audio)
    }

    /// Messages in a folder: its `.txt` files, counted by name only (as app_voicemail counts).
    func count(_ mailbox: String, _ folder: Folder) -> Int {
        Self.files(in: layout.folder(mailbox, folder)).texts.count
    }

    /// Mailboxes of the context this process may read, sorted numerically when they are numbers.
    func mailboxes() -> [String] {
        SpoolFiles.names(in: layout.contextDirectory)
            .filter { SpoolLayout.isSafeName($0) && SpoolFiles.isDirectory(layout.mailbox($0)) && root.contains(layout.mailbox($0)) }
            .filter { access(layout.mailbox($0).path, R_OK | X_OK) == 0 }
            .sorted { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }
    }
}
