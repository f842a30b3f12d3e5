import Foundation
import VoicemailModel
#if canImport(Glibc)
import Glibc
#endif

/// Reads mailboxes from the spool without changing anything (and without locks: Asterisk
/// itself reads without them, and a rename is atomic).
struct SpoolReader: Sendable {
    let layout: SpoolLayout
    var cache = MessageInfoCache()

    /// Folders of `mailbox` that exist on disk, in Asterisk's order. `tmp` (recordings in
    /// progress) and anything else that is not an app_voicemail folder is not a folder.
    func folders(of mailbox: String) -> [Folder] {
        let names = Set(SpoolFiles.names(in: layout.mailbox(mailbox)))
        return Folder.asterisk.filter { names.contains($0.rawValue) && SpoolFiles.isDirectory(layout.folder(mailbox, $0)) }
    }

    /// Every message of `mailbox` (or of one folder), ids assigned and unique in the mailbox.
    func messages(of mailbox: String, folder only: Folder? = nil) -> [SpoolMessage] {
        // Ids are made unique over the whole mailbox, so one folder is read as part of all.
        var all: [SpoolMessage] = []
        for folder in folders(of: mailbox) {
            all += readFolder(mailbox, folder)
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
    /// is a message to Asterisk); it shows with what could be read.
    func readFolder(_ mailbox: String, _ folder: Folder) -> [SpoolMessage] {
        let directory = layout.folder(mailbox, folder)
        var texts: Set<Int> = []
        var audio: [Int: [String]] = [:]
        for name in SpoolFiles.names(in: directory) {
            guard let (number, ext) = SpoolLayout.parse(fileName: name) else { continue }
            if ext == "txt" { texts.insert(number) } else { audio[number, default: []].append(ext) }
        }
        return texts.sorted().map { number in
            let (info, id) = cache.read(directory.appendingPathComponent(SpoolLayout.baseName(number) + ".txt"))
            return SpoolMessage(
                mailbox: mailbox, folder: folder, number: number,
                audioExtensions: (audio[number] ?? []).sorted(), info: info, id: id, directory: directory)
        }
    }

    /// Messages in a folder: its `.txt` files, counted by name only (as app_voicemail counts).
    func count(_ mailbox: String, _ folder: Folder) -> Int {
        SpoolFiles.names(in: layout.folder(mailbox, folder)).filter { SpoolLayout.parse(fileName: $0)?.ext == "txt" }.count
    }

    /// Highest number in use + 1, as app_voicemail's last_message_index computes it: the
    /// position after the last of the first `count` numbers present.
    static func nextNumber(in directory: URL) -> Int {
        var present = Set<Int>()
        for name in SpoolFiles.names(in: directory) {
            if let (number, ext) = SpoolLayout.parse(fileName: name), ext == "txt" { present.insert(number) }
        }
        var remaining = present.count
        var number = 0
        while remaining > 0 && number < SpoolLayout.maxMessagesPerFolder {
            if present.contains(number) { remaining -= 1 }
            number += 1
        }
        return number
    }

    /// Mailboxes of the context this process may read, sorted numerically when they are numbers.
    func mailboxes() -> [String] {
        SpoolFiles.names(in: layout.contextDirectory)
            .filter { SpoolLayout.isSafeName($0) && SpoolFiles.isDirectory(layout.mailbox($0)) }
            .filter { access(layout.mailbox($0).path, R_OK | X_OK) == 0 }
            .sorted { (Int($0) ?? Int.max, $0) < (Int($1) ?? Int.max, $1) }
    }
}
