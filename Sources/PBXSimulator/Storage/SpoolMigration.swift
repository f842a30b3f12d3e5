import AsteriskSpoolFormat
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// What start-up does to a data directory before loading it.
enum SpoolMigration {
    /// Data directories written before pbx-sim followed Asterisk's layout kept mailboxes at
    /// `DIR/<mailbox>/`; Asterisk has them at `DIR/<context>/<mailbox>/`. Each old mailbox moves
    /// under the context (one rename: nothing is copied, nothing can be half-moved).
    static func moveLegacyMailboxes(layout: SpoolLayout, mailboxes: [String], logger: Logger) throws {
        for mailbox in mailboxes {
            let legacy = layout.root.appendingPathComponent(mailbox, isDirectory: true)
            let current = layout.mailbox(mailbox)
            guard mailbox != layout.context, DurableFiles.isDirectory(legacy) else { continue }
            if DurableFiles.exists(current) {
                logger.warning("both \(mailbox)/ and \(layout.context)/\(mailbox)/ exist in the data directory; using \(layout.context)/\(mailbox)/")
                continue
            }
            try DurableFiles.makeDirectory(layout.contextDirectory)
            try DurableFiles.renameWithoutSync(legacy, to: current)
            try DurableFiles.syncDirectory(layout.contextDirectory)
            try DurableFiles.syncDirectory(layout.root)
            logger.info("moved mailbox \(mailbox) to \(layout.context)/\(mailbox) (Asterisk's spool layout)")
        }
    }

    /// users.json (passwords, tokens) and the spool (other people's voicemail) readable by
    /// pbx-sim's user only: directories 0700, files 0600, whatever made them.
    static func makePrivate(_ root: URL) {
        makePrivate(path: root.standardizedFileURL.path)
    }

    /// A plain readdir walk (Foundation's enumerator costs more than the chmods); symbolic links
    /// are neither changed nor followed.
    private static func makePrivate(path: String) {
        guard let info = DurableFiles.lstatus(path: path) else { return }
        let kind = info.st_mode & S_IFMT
        let wanted: mode_t = kind == S_IFDIR ? DurableFiles.directoryMode : DurableFiles.fileMode
        guard kind == S_IFDIR || kind == S_IFREG else { return }
        if info.st_mode & 0o7777 != wanted { chmod(path, wanted) }
        guard kind == S_IFDIR, let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            makePrivate(path: path + "/" + name)
        }
    }
}
