import AsteriskSpoolFormat
import FoundationEssentials
import Glibc
import VoicemailModel

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
        let all = scan(of: mailbox).messages
        guard let only else { return all }
        return all.filter { $0.folder == only }
    }

    /// Every message of `mailbox` and the folders' stamps taken before they were read. Calls
    /// that overlap (New asks for INBOX and Urgent at once) share one scan while no folder has
    /// changed since; a call that begins after a scan ended makes its own.
    func scan(of mailbox: String) -> MailboxScan {
        guard root.contains(layout.mailbox(mailbox)) else { return MailboxScan(messages: [], stamps: []) }
        let began = ContinuousClock.now
        // Ids are made unique over the whole mailbox, so one folder is read as part of all.
        let mailboxPath = layout.mailbox(mailbox).path
        return cache.scans.withLock { _ in
            let stamps = stamps(of: mailbox)
            if let shared = cache.sharedScan(mailboxPath, stamps: stamps, begunAt: began) { return shared }
            cache.loadPersisted(mailboxPath: mailboxPath)
            var texts: [CachedText] = []
            var fresh = 0
            var found: [SpoolMessage] = []
            for folder in folders(of: mailbox) { readFolder(mailbox, folder, into: &found, texts: &texts, fresh: &fresh) }
            cache.persist(mailboxPath: mailboxPath, texts: texts, fresh: fresh)
            MessageIdentity.disambiguate(&found)
            let scan = MailboxScan(messages: found, stamps: stamps)
            // Folders changed in the last seconds may change again within one tick of the file
            // system's clock, leaving the same stamps: such a scan is not shared.
            if scan.settled { cache.keepScan(mailboxPath, scan) }
            return scan
        }
    }

    /// The mailbox folder and each folder in it as their directory entries say (inode,
    /// modification and change times): filing, removing or renumbering a message changes them.
    func stamps(of mailbox: String) -> [FolderStamp] {
        let path = layout.mailbox(mailbox).path
        return ([path] + SpoolFiles.names(in: layout.mailbox(mailbox)).sorted().map { path + "/" + $0 }).compactMap { entry in
            var status = stat()
            guard stat(entry, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
            return FolderStamp(status)
        }
    }

    func message(id: String, of mailbox: String) -> SpoolMessage? {
        messages(of: mailbox).first { $0.id == id }
    }

    /// The messages of one folder by number, from one listing of it. A `.txt` that cannot be
    /// read still counts (it is a message to Asterisk); it shows with what could be read, and
    /// says why.
    func readFolder(
        _ mailbox: String, _ folder: Folder, into found: inout [SpoolMessage], texts: inout [CachedText], fresh: inout Int
    ) {
        let files = FolderFiles(path: layout.folder(mailbox, folder).path)
        found.reserveCapacity(found.count + files.texts.count)
        texts.reserveCapacity(texts.count + files.texts.count)
        let statuses = cache.isEmpty ? nil : files.textStatuses()
        for (index, number) in files.texts.enumerated() {
            let extensions = files.audioExtensions(number)
            let reading = cache.read(number, in: files, known: statuses?[index], audioExtensions: extensions)
            if let text = reading.text { texts.append(text) }
            // Saved again only for what the cache can keep (a file of the last seconds is not).
            if reading.fresh, reading.text != nil { fresh += 1 }
            found.append(
                SpoolMessage(
                    mailbox: mailbox, folder: folder, number: number, audioExtensions: extensions, box: reading.box,
                    problem: reading.problem, folderPath: files.path, textKey: reading.text?.key, stamp: reading.stamp))
        }
    }

    /// The `.txt` numbers of a folder, sorted, and the audio extensions of each number.
    static func files(in directory: URL) -> (texts: [Int], audio: [Int: [String]]) {
        let files = FolderFiles(path: directory.path)
        return (files.texts, files.audioByNumber)
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

/// One scan of a mailbox: its messages in scan order (ids assigned) and the folders' stamps
/// from before they were read.
struct MailboxScan: Sendable {
    var messages: [SpoolMessage]
    var stamps: [FolderStamp]

    /// No folder changed in the last seconds (see `FolderStamp.isSettled`).
    var settled: Bool { stamps.allSatisfy(\.isSettled) }
}

/// A folder's directory entry: what changes when a message is filed, removed or renamed in it.
struct FolderStamp: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var modified: Int64
    var changed: Int64

    init(_ status: stat) {
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
    }

    /// Changed longer ago than a file system's clock tick can hide a second change (the
    /// cache's rule for `.txt` files: `MessageInfoCache.settleSeconds`).
    var isSettled: Bool {
        modified / 1_000_000_000 < Int64(time(nil)) - MessageInfoCache.settleSeconds
    }
}
