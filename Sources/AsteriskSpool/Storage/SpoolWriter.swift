import AsteriskSpoolFormat
import FoundationEssentials
import Glibc
import Logging
import VoicemailModel

/// Changes to the spool, each made the way app_voicemail makes it (under the folder's lock,
/// audio first and `.txt` last, the folder a message left renumbered so its numbers stay
/// contiguous from 0000) by the spool library pbx-sim writes with too. A mailbox that a killed
/// vmtui or pbx-sim left half changed (its lock, or a staged copy, names a process that is
/// gone) is recovered before it is read or changed (`recoverIfInterrupted`, from the backend's
/// `resolve`). New files and folders are made as app_voicemail would make them there
/// (`FileCreation.likeFolder`).
struct SpoolWriter: Sendable {
    let layout: SpoolLayout
    let root: SpoolRoot
    let lockTimeout: TimeInterval
    var cache = MessageInfoCache()
    var logger = Logger(label: "vmtui.spool")

    enum Failure: Error, Equatable {
        case notFound(id: String)
        case folderFull(folder: String)
        /// A mailbox or folder that resolves outside the spool root.
        case outsideSpool(path: String)
        /// A `.txt` that was not read (too large, not a regular file).
        case unreadable(path: String, reason: String)
    }

    private var reader: SpoolReader { SpoolReader(layout: layout, root: root, cache: cache) }

    /// Completes or rolls back what an interrupted change left in the mailbox.
    func recover(_ mailbox: String) throws {
        try checkInside(layout.mailbox(mailbox))
        _ = try SpoolRecovery(
            layout: layout, logger: logger, creation: .likeFolder, lockTimeout: lockTimeout, resolvesGreetings: false
        ).recoverMailbox(mailbox)
    }

    /// The next run after a process was killed mid-change: a folder of the mailbox still has
    /// the lock of a process that is gone, or its `tmp/` a staged copy of one. Then the mailbox
    /// is recovered before it is read (best effort: without write access, or while another
    /// holds a lock, it is read as it is).
    func recoverIfInterrupted(_ mailbox: String) {
        let folders = SpoolFiles.names(in: layout.mailbox(mailbox)).compactMap(SpoolLayout.folder(directoryName:))
        let interrupted = folders.contains { folder in
            FolderLock.isAbandoned(layout.folder(mailbox, folder).appendingPathComponent(FolderLock.lockName).path)
        } || SpoolFiles.names(in: layout.staging(mailbox)).contains { $0.hasPrefix(SpoolLayout.stagingPrefix) && SpoolRecovery.isAbandoned($0) }
        guard interrupted else { return }
        do {
            try recover(mailbox)
        } catch {
            logger.warning("recovery of mailbox \(mailbox) failed: \(error)")
        }
    }

    /// Moves the messages with `ids` (of any folders) to `destination`. Messages already there stay.
    func move(ids: [String], of mailbox: String, to destination: Folder) throws {
        try move(try locate(ids, in: mailbox), of: mailbox, to: destination)
    }

    /// The same for messages the caller has just located (one mailbox scan fewer); each is
    /// found again under the folders' locks. Returns where each moved message now is (by id).
    @discardableResult
    func move(_ located: [SpoolMessage], of mailbox: String, to destination: Folder) throws -> [String: SpoolMessage] {
        let target = layout.folder(mailbox, destination)
        var moved: [String: SpoolMessage] = [:]
        for source in Set(located.map(\.folder)).sorted() where source != destination {
            let wanted = located.filter { $0.folder == source }
            let wantedIDs = Set(wanted.map(\.id))
            let from = layout.folder(mailbox, source)
            try checkInside(from)
            try DurableFiles.makeDirectory(target, creation: .likeFolder)
            try checkInside(target)
            // Both folders locked for the whole move: nobody sees the message twice or not at all.
            try FolderLock.withLocks([from, target], timeout: lockTimeout, creation: .likeFolder) {
                // Looked at again under the lock (the numbers may have changed since): one
                // listing of the folder, which the renumbering then uses too.
                let files = FolderFiles(path: from.path)
                let messages = Self.unchanged(wanted, in: files)
                    ?? reader.messages(of: mailbox, folder: source).filter { wantedIDs.contains($0.id) }
                guard !messages.isEmpty else { return }
                let numbers = try append(messages, to: target, staged: [:])
                for (message, number) in zip(messages, numbers) {
                    moved[message.id] = SpoolMessage(
                        mailbox: mailbox, folder: destination, number: number, audioExtensions: message.audioExtensions,
                        box: message.box, problem: message.problem, folderPath: target.path, textKey: nil, stamp: nil)
                }
                var present: [Int: [String]] = [:]
                for number in files.texts { present[number] = files.audioExtensions(number) }
                try FolderEdits.remove(Set(messages.map(\.number)), from: from, present: present)
            }
        }
        return moved
    }

    /// The located messages when each is still the very file it was at its number (the same
    /// inode, size and time, the same audio beside it); nil when anything moved meanwhile.
    static func unchanged(_ located: [SpoolMessage], in files: FolderFiles) -> [SpoolMessage]? {
        for message in located {
            guard let stamp = message.stamp, files.audioExtensions(message.number) == message.audioExtensions,
                let status = files.status(of: message.baseName + ".txt"), status.st_mode & S_IFMT == S_IFREG,
                TextStamp(status) == stamp
            else { return nil }
        }
        return located
    }

    /// Removes the messages and renumbers the folders they were in.
    func delete(ids: [String], of mailbox: String) throws {
        let located = try locate(ids, in: mailbox)
        for folder in Set(located.map(\.folder)).sorted() {
            let wanted = Set(located.filter { $0.folder == folder }.map(\.id))
            let directory = layout.folder(mailbox, folder)
            try checkInside(directory)
            try FolderLock.withLock(directory, timeout: lockTimeout, creation: .likeFolder) {
                let messages = reader.messages(of: mailbox, folder: folder).filter { wanted.contains($0.id) }
                try remove(Set(messages.map(\.number)), from: directory)
            }
        }
    }

    /// Copies the message (`.txt` verbatim, so msg_id and flag are kept) into `target`'s
    /// INBOX; returns the number it got there. The audio is copied (never linked: the copy
    /// belongs to the other mailbox) into the target's `tmp/` first, so a copy killed half way
    /// leaves nothing recovery cannot roll back.
    func copy(_ message: SpoolMessage, toMailbox target: String) throws -> Int {
        try checkInside(layout.mailbox(target))
        if SpoolFiles.isDirectory(layout.mailbox(target)) { recoverIfInterrupted(target) }
        let inbox = layout.folder(target, .inbox)
        try DurableFiles.makeDirectory(inbox, creation: .likeFolder)
        try checkInside(inbox)
        let staging = layout.staging(target)
        try DurableFiles.makeDirectory(staging, creation: .likeFolder)
        var staged: [String: URL] = [:]
        defer { for file in staged.values { try? DurableFiles.remove(file) } }
        for ext in message.audioExtensions {
            let file = staging.appendingPathComponent(SpoolLayout.stagingName("forward", ext: ext))
            staged[ext] = file
            try DurableFiles.copy(message.file(ext), to: file, creation: .likeFolder)
        }
        return try FolderLock.withLock(inbox, timeout: lockTimeout, creation: .likeFolder) {
            try append([message], to: inbox, staged: staged).first!
        }
    }

    /// Caller holds the lock of `directory`. `staged` (ext → file) replaces the message's own
    /// audio as the source when given.
    @discardableResult
    private func append(_ messages: [SpoolMessage], to directory: URL, staged: [String: URL]) throws -> [Int] {
        let first = (FolderFiles(path: directory.path).texts.last ?? -1) + 1
        guard first + messages.count <= SpoolLayout.maxMessagesPerFolder else {
            throw Failure.folderFull(folder: directory.lastPathComponent)
        }
        var numbers: [Int] = []
        for (offset, message) in messages.enumerated() {
            guard case .text(let text) = MessageText.read(path: message.textFile.path) else {
                throw Failure.unreadable(path: message.textFile.path, reason: message.problem ?? "cannot be read")
            }
            var audio: [String: URL] = [:]
            for ext in message.audioExtensions { audio[ext] = staged[ext] ?? message.file(ext) }
            try FolderEdits.place(text: text, audio: audio, at: first + offset, in: directory, creation: .likeFolder)
            numbers.append(first + offset)
        }
        return numbers
    }

    /// Caller holds the lock of `directory`: removes the messages numbered `doomed` and
    /// renumbers the rest.
    private func remove(_ doomed: Set<Int>, from directory: URL) throws {
        let (texts, audio) = SpoolReader.files(in: directory)
        var present: [Int: [String]] = [:]
        for number in texts { present[number] = audio[number] ?? [] }
        try FolderEdits.remove(doomed, from: directory, present: present)
    }

    private func checkInside(_ url: URL) throws {
        guard !SpoolFiles.exists(url) || root.contains(url) else { throw Failure.outsideSpool(path: url.path) }
    }

    private func locate(_ ids: [String], in mailbox: String) throws -> [SpoolMessage] {
        var byID: [String: SpoolMessage] = [:]
        for message in reader.messages(of: mailbox) { byID[message.id] = message }
        return try ids.map { id in
            guard let message = byID[id] else { throw Failure.notFound(id: id) }
            return message
        }
    }
}
