import FoundationEssentials
import Glibc
import Logging
import VoicemailModel

/// Brings a mailbox back to a consistent state, holding Asterisk's lock on each of its
/// folders, then loads it:
/// - temporary files are deleted, and staged files of a process that is gone; audio in a
///   folder that is a second name of a staged file (a deposit or forward killed before its
///   `.txt` was written) is removed with it: that change is rolled back;
/// - a `.txt` without any audio, or one that is not a message file, is set aside in
///   `DIR/lost+found` (someone's data: never deleted);
/// - audio without a `.txt` is deleted when it is a second name of a kept message's audio
///   (left by an interrupted renumbering or move), otherwise set aside too;
/// - a msg_id present twice whose copies share their audio file (an interrupted move or
///   renumbering) keeps its newest copy; two independent copies (Asterisk forwarded a
///   message to its own mailbox) both stay, the later one with a new msg_id written in;
/// - numbers are made contiguous from 0000 again, as Asterisk's resequencing does.
///
/// pbx-sim runs it on every mailbox at start and after a failed write; the spool backend before
/// every change to a mailbox. Both therefore complete or roll back what a killed process left.
package struct SpoolRecovery {
    let layout: SpoolLayout
    let logger: Logger
    /// Who owns what recovery creates (lost+found, folders).
    var creation: FileCreation = .private
    var lockTimeout: TimeInterval = FolderLock.defaultTimeout
    /// pbx-sim's greetings replaced in another format (`greet.wav` beside `greet.mp3`): the
    /// older is removed. Off for a spool Asterisk writes (it may keep several on purpose).
    var resolvesGreetings = true

    package init(
        layout: SpoolLayout, logger: Logger, creation: FileCreation = .private,
        lockTimeout: TimeInterval = FolderLock.defaultTimeout, resolvesGreetings: Bool = true
    ) {
        self.layout = layout
        self.logger = logger
        self.creation = creation
        self.lockTimeout = lockTimeout
        self.resolvesGreetings = resolvesGreetings
    }

    private struct Scanned {
        var message: StoredMessage
        var modified: Date
        var audioIdentities: Set<FileIdentity>
    }

    package func recoverMailbox(_ mailbox: String) throws -> [Folder: [StoredMessage]] {
        let mailboxURL = layout.mailbox(mailbox)
        guard DurableFiles.isDirectory(mailboxURL), layout.resolvesInside(mailboxURL) else { return [:] }
        removeTemporaryFiles(in: mailboxURL)
        if resolvesGreetings { try resolveGreetingDuplicates(mailbox) }
        let folders = folderDirectories(mailbox)
        return try FolderLock.withLocks(folders.map { layout.folder(mailbox, $0) }, timeout: lockTimeout, creation: creation) {
            let staged = stagedIdentities(mailbox)
            let result = try recoverLocked(mailbox, folders: folders, staged: staged)
            removeStaleStaging(mailbox)
            return result
        }
    }

    /// The message folders present in a mailbox (not `tmp`, not hidden names).
    package func folderDirectories(_ mailbox: String) -> [Folder] {
        return DirectoryNames(layout.mailbox(mailbox).path).compactMap { name in
            let url = layout.mailbox(mailbox).appendingPathComponent(name)
            guard let folder = SpoolLayout.folder(directoryName: name), DurableFiles.isDirectory(url), layout.resolvesInside(url)
            else { return nil }
            return folder
        }.sorted()
    }

    private func recoverLocked(_ mailbox: String, folders: [Folder], staged: Set<FileIdentity>) throws -> [Folder: [StoredMessage]] {
        var found: [Folder: [Scanned]] = [:]
        var orphans: [Folder: [Int: [String]]] = [:]
        for folder in folders {
            (found[folder], orphans[folder]) = try scanFolder(mailbox, folder)
        }

        // One id twice: a leftover of our own interrupted operation when the copies share audio.
        var byID: [String: [(folder: Folder, index: Int)]] = [:]
        for folder in folders {
            for (index, scanned) in (found[folder] ?? []).enumerated() {
                byID[scanned.message.id, default: []].append((folder, index))
            }
        }
        var drop = Set<String>()  // "folder/number"
        var renamed: [(Folder, Int)] = []
        for (_, places) in byID where places.count > 1 {
            let ordered = places.sorted { a, b in
                let x = found[a.folder]![a.index], y = found[b.folder]![b.index]
                if x.modified != y.modified { return x.modified > y.modified }
                return (a.folder, x.message.number) < (b.folder, y.message.number)
            }
            let keeper = found[ordered[0].folder]![ordered[0].index]
            for place in ordered.dropFirst() {
                let other = found[place.folder]![place.index]
                if !other.audioIdentities.isDisjoint(with: keeper.audioIdentities) {
                    drop.insert("\(place.folder.rawValue)/\(other.message.number)")
                } else {
                    renamed.append((place.folder, place.index))
                }
            }
        }
        for (folder, index) in renamed {
            var message = found[folder]![index].message
            logger.warning("recovery: \(mailbox)/\(folder.rawValue)/\(SpoolLayout.baseName(message.number)) repeats msg_id \(message.id); giving it a new one")
            message.record.id = MessageID.make(at: message.record.originTime)
            message.record.idWasStored = true
            try DurableFiles.write(Data(message.record.ini().render().utf8), to: layout.text(mailbox, folder, message.number), creation: creation)
            found[folder]![index].message = message
        }

        var keptAudio = Set<FileIdentity>()
        for folder in folders {
            for scanned in found[folder] ?? [] where !drop.contains("\(folder.rawValue)/\(scanned.message.number)") {
                keptAudio.formUnion(scanned.audioIdentities)
            }
        }

        var result: [Folder: [StoredMessage]] = [:]
        for folder in folders {
            var changed = false
            var list: [StoredMessage] = []
            for scanned in found[folder] ?? [] {
                let message = scanned.message
                if drop.contains("\(folder.rawValue)/\(message.number)") {
                    logger.warning("recovery: removing duplicate of \(message.id) at \(mailbox)/\(folder.rawValue)/\(message.number)")
                    try DurableFiles.remove(layout.text(mailbox, folder, message.number))
                    for ext in message.audioExtensions { try DurableFiles.remove(layout.audio(mailbox, folder, message.number, ext)) }
                    changed = true
                } else {
                    list.append(message)
                }
            }
            for (number, extensions) in orphans[folder] ?? [:] {
                for ext in extensions {
                    let url = layout.audio(mailbox, folder, number, ext)
                    if let identity = DurableFiles.identity(url), keptAudio.contains(identity) {
                        logger.warning("recovery: removing a second name of kept audio: \(mailbox)/\(folder.rawValue)/\(url.lastPathComponent)")
                        try DurableFiles.remove(url)
                    } else if let identity = DurableFiles.identity(url), staged.contains(identity) {
                        logger.warning("recovery: rolling back an unfinished deposit or forward: \(mailbox)/\(folder.rawValue)/\(url.lastPathComponent)")
                        try DurableFiles.remove(url)
                    } else {
                        try setAside(url, mailbox: mailbox, folder: folder, why: "has no .txt")
                    }
                    changed = true
                }
            }
            list.sort { $0.number < $1.number }
            let folderPath = layout.folder(mailbox, folder).path
            for index in list.indices where list[index].number != index {
                logger.warning("recovery: renumbering \(mailbox)/\(folder.rawValue) \(list[index].number) → \(index)")
                try FolderEdits.renumber(from: list[index].number, to: index, extensions: list[index].audioExtensions, inFolder: folderPath)
                list[index].number = index
                changed = true
            }
            if changed { try DurableFiles.syncDirectory(layout.folder(mailbox, folder)) }
            result[folder] = list
        }
        return result
    }

    package static func readRecord(data: Data, audioExtensions: [String], modified: Date?) -> (record: MessageRecord, bytes: Data)? {
        let ini = IniFile(parsing: MessageText.decode(data))
        let served = audioExtensions.first { SpoolLayout.audioExtensions.contains($0) }
        let fallback = served.flatMap(SpoolLayout.servedFormat(ofExtension:)) ?? .wav
        guard var record = MessageRecord(
            ini: ini, fallbackFormat: fallback,
            derivedID: MessageID.derived(origtime: ini.value("origtime"), fileBytes: data),
            fallbackDate: modified ?? Date(timeIntervalSince1970: 0))
        else { return nil }
        if let served, let format = SpoolLayout.servedFormat(ofExtension: served) { record.format = format }
        return (record, data)
    }

    /// The audio extensions of one message, in serving order (known ones first).
    package static func orderedExtensions(_ extensions: [String]) -> [String] {
        let known = SpoolLayout.audioExtensions.filter(extensions.contains)
        return known + extensions.filter { !SpoolLayout.audioExtensions.contains($0) }.sorted()
    }

    private func scanFolder(_ mailbox: String, _ folder: Folder) throws -> ([Scanned], [Int: [String]]) {
        let folderURL = layout.folder(mailbox, folder)
        guard DurableFiles.isDirectory(folderURL) else { return ([], [:]) }
        let names = Array(DirectoryNames(folderURL.path))
        removeTemporaryFiles(in: folderURL)
        FolderLock.removeAbandonedNames(in: folderURL)
        var texts: [Int] = []
        var audio: [Int: [String]] = [:]
        for name in names {
            guard let (number, ext) = SpoolLayout.parseFileName(name) else {
                // msg10000 and beyond (an older pbx-sim wrote them): nothing reads them and the
                // next deposit would be mixed up with them; kept safe in lost+found.
                if SpoolLayout.isBeyondFourDigits(name) {
                    try setAside(folderURL.appendingPathComponent(name), mailbox: mailbox, folder: folder, why: "is beyond Asterisk's 9999")
                }
                continue
            }
            if ext == "txt" { texts.append(number) } else { audio[number, default: []].append(ext) }
        }
        var messages: [Scanned] = []
        let folderPath = folderURL.path
        for number in texts.sorted() {
            let textPath = SpoolLayout.path(in: folderPath, number, "txt")
            let extensions = Self.orderedExtensions(audio[number] ?? [])
            guard !extensions.isEmpty else {
                try setAside(layout.text(mailbox, folder, number), mailbox: mailbox, folder: folder, why: "has no audio")
                continue
            }
            let modified = DurableFiles.lstatus(path: textPath).map(DurableFiles.modificationDate)
            let outcome = MessageText.read(path: textPath)
            guard case .text(let data) = outcome,
                let (record, _) = Self.readRecord(data: data, audioExtensions: extensions, modified: modified)
            else {
                let why = MessageText.problem(outcome, name: "it").map { String($0.dropFirst(3)) } ?? "is not a message file"
                try setAside(layout.text(mailbox, folder, number), mailbox: mailbox, folder: folder, why: why)
                continue
            }
            let served = extensions.first { SpoolLayout.audioExtensions.contains($0) }
            var size = 0
            var identities = Set<FileIdentity>()
            for ext in extensions {
                guard let info = DurableFiles.status(path: SpoolLayout.path(in: folderPath, number, ext)) else { continue }
                identities.insert(DurableFiles.identity(info))
                if ext == served { size = Int(info.st_size) }
            }
            let message = StoredMessage(
                mailbox: mailbox, folder: folder, number: number, record: record, size: size, audioExtensions: extensions)
            messages.append(Scanned(message: message, modified: modified ?? .distantPast, audioIdentities: identities))
            audio[number] = nil
        }
        return (messages, audio)
    }

    /// A damaged or stray file is someone's data: move it out of the way rather than delete it.
    private func setAside(_ url: URL, mailbox: String, folder: Folder, why: String) throws {
        let lost = layout.root.appendingPathComponent("lost+found", isDirectory: true)
        try DurableFiles.makeDirectory(lost, creation: creation)
        let target = lost.appendingPathComponent(
            "\(layout.context)-\(mailbox)-\(folder.rawValue)-\(UUID().uuidString)-\(url.lastPathComponent)")
        logger.warning("recovery: \(mailbox)/\(folder.rawValue)/\(url.lastPathComponent) \(why); moved to lost+found/\(target.lastPathComponent)")
        try DurableFiles.renameWithoutSync(url, to: target)
        try DurableFiles.syncDirectory(lost)
        try DurableFiles.syncDirectory(url.deletingLastPathComponent())
    }

    private func removeTemporaryFiles(in directory: URL) {
        for name in DirectoryNames(directory.path) where name.hasPrefix(DurableFiles.temporaryPrefix) {
            try? DurableFiles.remove(directory.appendingPathComponent(name))
        }
    }

    /// Staged files (uploads, forwards) of a process that is gone: what they were for never
    /// finished. Never Asterisk's own recordings in progress, never a live process's.
    private func removeStaleStaging(_ mailbox: String) {
        let staging = layout.staging(mailbox)
        for name in DirectoryNames(staging.path) where name.hasPrefix(SpoolLayout.stagingPrefix) && Self.isAbandoned(name) {
            try? DurableFiles.remove(staging.appendingPathComponent(name))
        }
    }

    /// The files staged by processes that are gone, by identity.
    private func stagedIdentities(_ mailbox: String) -> Set<FileIdentity> {
        let staging = layout.staging(mailbox)
        var identities = Set<FileIdentity>()
        for name in DirectoryNames(staging.path) where name.hasPrefix(SpoolLayout.stagingPrefix) && Self.isAbandoned(name) {
            if let info = DurableFiles.lstatus(path: staging.appendingPathComponent(name).path) {
                identities.insert(DurableFiles.identity(info))
            }
        }
        return identities
    }

    package static func isAbandoned(_ stagedName: String) -> Bool {
        guard let pid = SpoolLayout.stagingOwner(stagedName) else { return true }
        return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// A greeting replaced in another of pbx-sim's formats is written before the old one is
    /// removed: if both are there, the newer one won. Asterisk's own side-by-side formats
    /// (`.WAV`, `.gsm`, `.wav` of one recording) are left alone.
    private func resolveGreetingDuplicates(_ mailbox: String) throws {
        for type in GreetingType.allCases {
            let files = AudioFormat.allCases.map { layout.greeting(mailbox, type, $0) }.filter(DurableFiles.exists)
            guard files.count > 1 else { continue }
            let newest = files.max { (DurableFiles.modificationDate($0) ?? .distantPast) < (DurableFiles.modificationDate($1) ?? .distantPast) }
            for file in files where file != newest { try DurableFiles.remove(file) }
        }
    }
}
