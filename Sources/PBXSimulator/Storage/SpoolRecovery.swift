import Foundation
import Logging
import VoicemailModel

/// Brings a mailbox back to a consistent state after a crash, then loads it:
/// temporary files and audio without a `.txt` are deleted, a `.txt` without audio (or one
/// that does not parse) is set aside in `DIR/lost+found`, an id present twice keeps its newest
/// copy, and numbers are made contiguous again.
struct SpoolRecovery {
    let layout: SpoolLayout
    let logger: Logger

    func recoverMailbox(_ mailbox: String) throws -> [Folder: [StoredMessage]] {
        let mailboxURL = layout.mailbox(mailbox)
        guard DurableFiles.exists(mailboxURL) else { return [:] }
        removeTemporaryFiles(in: mailboxURL)
        try resolveGreetingDuplicates(mailbox)

        var found: [Folder: [(message: StoredMessage, modified: Date)]] = [:]
        for folder in Folder.allCases {
            found[folder] = try scanFolder(mailbox, folder)
        }

        // An interrupted move or renumbering can leave one id under two names.
        var keep: [String: (folder: Folder, number: Int, modified: Date)] = [:]
        for folder in Folder.allCases {
            for (message, modified) in found[folder] ?? [] {
                if let current = keep[message.id] {
                    let newer = modified > current.modified
                    if newer { keep[message.id] = (folder, message.number, modified) }
                } else {
                    keep[message.id] = (folder, message.number, modified)
                }
            }
        }

        var result: [Folder: [StoredMessage]] = [:]
        for folder in Folder.allCases {
            var list: [StoredMessage] = []
            for (message, _) in found[folder] ?? [] {
                if let winner = keep[message.id], winner.folder == folder, winner.number == message.number {
                    list.append(message)
                } else {
                    logger.warning("recovery: removing duplicate of \(message.id) at \(folder.rawValue)/\(message.number)")
                    try DurableFiles.removeAndSync(layout.text(mailbox, folder, message.number))
                    try removeAudio(mailbox, folder, message.number, except: nil)
                }
            }
            list.sort { $0.number < $1.number }
            for index in list.indices where list[index].number != index {
                logger.warning("recovery: renumbering \(mailbox)/\(folder.rawValue) \(list[index].number) → \(index)")
                try Self.renumber(list[index], to: index, layout: layout)
                list[index].number = index
            }
            if !list.isEmpty { try DurableFiles.syncDirectory(layout.folder(mailbox, folder)) }
            result[folder] = list
        }
        return result
    }

    /// Gives message `message` the number `index` (a free slot): second name first, then the
    /// old one goes, `.txt` before audio, so a crash leaves a duplicate or an orphan, never a
    /// message without its audio.
    static func renumber(_ message: StoredMessage, to index: Int, layout: SpoolLayout) throws {
        let mailbox = message.mailbox, folder = message.folder, format = message.record.format
        try DurableFiles.link(
            layout.audio(mailbox, folder, message.number, format), to: layout.audio(mailbox, folder, index, format))
        try DurableFiles.link(layout.text(mailbox, folder, message.number), to: layout.text(mailbox, folder, index))
        try DurableFiles.remove(layout.text(mailbox, folder, message.number))
        try DurableFiles.remove(layout.audio(mailbox, folder, message.number, format))
    }

    private func scanFolder(_ mailbox: String, _ folder: Folder) throws -> [(message: StoredMessage, modified: Date)] {
        let folderURL = layout.folder(mailbox, folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderURL.path) else { return [] }
        removeTemporaryFiles(in: folderURL)
        var texts: [Int] = []
        var audio: [Int: [String]] = [:]
        for name in names {
            guard let (number, ext) = SpoolLayout.parseFileName(name) else { continue }
            if ext == "txt" { texts.append(number) } else { audio[number, default: []].append(ext) }
        }
        var messages: [(StoredMessage, Date)] = []
        for number in texts.sorted() {
            let textURL = layout.text(mailbox, folder, number)
            let available = (audio[number] ?? []).compactMap { AudioFormat(rawValue: $0) }
            guard let data = try? Data(contentsOf: textURL),
                let text = String(data: data, encoding: .utf8),
                let fallback = available.first,
                let record = MessageRecord(ini: IniFile(parsing: text), fallbackFormat: fallback),
                available.contains(record.format)
            else {
                try setAside(textURL, mailbox: mailbox, folder: folder)
                continue
            }
            let audioURL = layout.audio(mailbox, folder, number, record.format)
            let size = DurableFiles.fileSize(audioURL) ?? 0
            let modified = DurableFiles.modificationDate(textURL) ?? .distantPast
            messages.append((StoredMessage(mailbox: mailbox, folder: folder, number: number, record: record, size: size), modified))
            audio[number]?.removeAll { $0 == record.format.rawValue }
        }
        // Whatever audio is left has no message: an interrupted deposit or renumbering.
        for (number, extensions) in audio {
            for ext in extensions {
                logger.warning("recovery: removing orphan audio \(mailbox)/\(folder.rawValue)/msg\(number).\(ext)")
                try DurableFiles.remove(folderURL.appendingPathComponent(SpoolLayout.baseName(number) + "." + ext))
            }
        }
        try DurableFiles.syncDirectory(folderURL)
        return messages
    }

    private func removeAudio(_ mailbox: String, _ folder: Folder, _ number: Int, except: AudioFormat?) throws {
        for format in AudioFormat.allCases where format != except {
            try DurableFiles.remove(layout.audio(mailbox, folder, number, format))
        }
    }

    /// A damaged `.txt` is someone's data: move it out of the way rather than delete it.
    private func setAside(_ textURL: URL, mailbox: String, folder: Folder) throws {
        let lost = layout.root.appendingPathComponent("lost+found", isDirectory: true)
        try DurableFiles.makeDirectory(lost)
        let target = lost.appendingPathComponent("\(mailbox)-\(folder.rawValue)-\(UUID().uuidString)-\(textURL.lastPathComponent)")
        logger.warning("recovery: \(textURL.path) has no audio or does not parse; moved to \(target.path)")
        try FileManager.default.moveItem(at: textURL, to: target)
        try DurableFiles.syncDirectory(textURL.deletingLastPathComponent())
    }

    private func removeTemporaryFiles(in directory: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(DurableFiles.temporaryPrefix) {
            try? DurableFiles.remove(directory.appendingPathComponent(name))
        }
    }

    /// A greeting replaced in another format is written before the old one is removed:
    /// if both are there, the newer one won.
    private func resolveGreetingDuplicates(_ mailbox: String) throws {
        for type in GreetingType.allCases {
            let files = AudioFormat.allCases.map { layout.greeting(mailbox, type, $0) }.filter(DurableFiles.exists)
            guard files.count > 1 else { continue }
            let newest = files.max { (DurableFiles.modificationDate($0) ?? .distantPast) < (DurableFiles.modificationDate($1) ?? .distantPast) }
            for file in files where file != newest { try DurableFiles.remove(file) }
        }
    }
}
