import Foundation
import Logging

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
        DurableFiles.makePrivate(root)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        while let relative = walker.nextObject() as? String {
            DurableFiles.makePrivate(root.appendingPathComponent(relative))
        }
    }
}
