import AsteriskSpoolFormat
import Dispatch
import Foundation
import Synchronization
import Logging
import VoicemailModel

/// One mailbox: its index in memory and the only writer of its files.
///
/// Writes of one mailbox run one at a time on the mailbox's own serial queue (off Swift's
/// cooperative threads, so an fsync blocks nobody else); different mailboxes write in
/// parallel. Reads come from the in-memory index under a short lock and never wait for a
/// write. Every change to a folder also holds Asterisk's lock on that folder (`FolderLock`).
///
/// Crash safety: a message exists once its `.txt` exists. Audio is put in place first, the
/// `.txt` last; renumbering and moves give files a second name (hard link) before removing
/// the first, so at any instant each message has at least one complete set. `SpoolRecovery`
/// resolves what an interrupted operation leaves.
final class MailboxSpool: Sendable {
    let name: String
    let layout: SpoolLayout
    private let logger: Logger
    private let queue: DispatchQueue
    private let index: Mutex<Index>

    /// What is on disk, as readers see it; changed only by the mailbox's queue.
    private struct Index {
        var folders: [Folder: [StoredMessage]]
        var generation = 0
        /// Odd while files are being renamed: lets an audio reader detect that what it opened
        /// may have been another message's file (a sequence lock).
        var diskSequence = 0

        func message(id: String) -> StoredMessage? {
            for list in folders.values {
                if let message = list.first(where: { $0.record.id == id }) { return message }
            }
            return nil
        }
    }

    init(name: String, layout: SpoolLayout, folders: [Folder: [StoredMessage]], logger: Logger) {
        self.name = name
        self.layout = layout
        index = Mutex(Index(folders: folders))
        self.logger = logger
        queue = DispatchQueue(label: "pbx-sim.mailbox.\(name)")
    }

    // MARK: Reads (never wait for a write)

    var generation: Int { index.withLock { $0.generation } }

    /// Every message, folders in Asterisk's order.
    func messages() -> [StoredMessage] {
        let snapshot = index.withLock { $0.folders }
        return snapshot.keys.sorted().flatMap { snapshot[$0] ?? [] }
    }

    /// One folder's messages, in spool order.
    func messages(in folder: Folder) -> [StoredMessage] { index.withLock { $0.folders[folder] ?? [] } }

    var count: Int { index.withLock { $0.folders.values.reduce(0) { $0 + $1.count } } }

    func count(in folder: Folder) -> Int { index.withLock { $0.folders[folder]?.count ?? 0 } }

    func message(id: String) -> StoredMessage? {
        index.withLock { $0.message(id: id) }
    }

    func message(folder: Folder, number: Int) -> StoredMessage? {
        index.withLock {
            guard let list = $0.folders[folder], list.indices.contains(number) else { return nil }
            return list[number]
        }
    }

    /// Opens the served audio of a message. The file is opened by name, and the name may be
    /// renumbered at any moment; the sequence lock proves no rename happened in between, so
    /// the handle holds this message's audio (an open handle keeps its file whatever happens
    /// to the name later).
    func openAudio(id: String) async throws -> OpenedAudio {
        for _ in 0..<3 {
            let (sequence, found) = index.withLock { ($0.diskSequence, $0.message(id: id)) }
            guard let message = found else { throw StoreError.notFound("no message \(id) in mailbox \(name)") }
            if sequence % 2 == 1 { break }
            let opened = try open(message)
            if index.withLock({ $0.diskSequence }) == sequence { return opened }
            try? opened.handle.close()
        }
        // Writes keep coming: open it between two of them.
        return try await perform {
            guard let message = self.message(id: id) else { throw StoreError.notFound("no message \(id) in mailbox \(self.name)") }
            return try self.open(message)
        }
    }

    private func open(_ message: StoredMessage) throws -> OpenedAudio {
        guard let ext = message.servedExtension, let format = SpoolLayout.servedFormat(ofExtension: ext) else {
            throw StoreError.notFound(
                "the audio of message \(message.id) is only in \(message.audioExtensions.joined(separator: ", ")), which pbx-sim does not serve")
        }
        let url = layout.audio(name, message.folder, message.number, ext)
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw StoreError.notFound("the audio of message \(message.id) is gone") }
        let size = Int((try? handle.seekToEnd()) ?? 0)
        try handle.seek(toOffset: 0)
        return OpenedAudio(handle: handle, format: format, size: size, message: message)
    }

    // MARK: Writes

    func stagingDirectory() throws -> URL {
        let url = layout.staging(name)
        try DurableFiles.makeDirectory(url)
        return url
    }

    func newStagingFile(_ purpose: String, ext: String = "part") throws -> URL {
        try stagingDirectory().appendingPathComponent(SpoolLayout.stagingName(purpose, ext: ext))
    }

    /// Files a new message at the end of `folder`, taking the audio from a file in this
    /// mailbox's staging area (renamed into place, never copied).
    func deposit(audioFile: URL, record: MessageRecord, folder: Folder, capacity: Int) async throws -> StoredMessage {
        try checkStaged(audioFile)
        return try await perform {
            guard self.count < capacity else { throw StoreError.mailboxFull("mailbox \(self.name) is full") }
            try self.checkRoom(in: folder)
            var record = record
            if self.message(id: record.id) != nil { record.id = MessageID.make(at: record.originTime) }
            let ext = record.format.fileExtension
            let stored = try FolderLock.withLock(self.layout.folder(self.name, folder)) {
                try self.appendLocked(to: folder, record: record, audio: [ext: audioFile], size: nil, staged: true)
            }
            self.publish(adding: stored)
            return stored
        }
    }

    /// Mark read/unread and move, by Asterisk's rule that the folder is the read state: unread
    /// exactly in INBOX and Urgent. Reading a message there files it in Old (an urgent one keeps
    /// its flag, which shows its urgency from then on); "unread" brings a read one to INBOX; a
    /// move makes the message whatever its new folder means. A `read` that contradicts the
    /// folder asked for is refused rather than half done.
    func update(id: String, read: Bool?, folder target: Folder?) async throws -> StoredMessage {
        try await perform {
            guard let message = self.message(id: id) else { throw StoreError.notFound("no message \(id)") }
            var destination = target ?? message.folder
            if target == nil, let read, read == message.folder.holdsUnread {
                destination = read ? .old : .inbox
            }
            if let read, read == destination.holdsUnread {
                throw StoreError.badRequest(
                    read
                        ? "a message in \(destination.rawValue) is unread; it cannot be marked read there"
                        : "only INBOX and Urgent hold unread messages; a message in \(destination.rawValue) is read")
            }
            guard destination != message.folder else { return message }
            try self.checkRoom(in: destination)
            let audio = Dictionary(uniqueKeysWithValues: message.audioExtensions.map {
                ($0, self.layout.audio(self.name, message.folder, message.number, $0))
            })
            // Both folders locked for the whole move, the index changed at once: nobody sees the
            // message twice or not at all.
            let source = self.layout.folder(self.name, message.folder)
            let target = self.layout.folder(self.name, destination)
            try DurableFiles.makeDirectory(target)
            return try FolderLock.withLocks([source, target]) {
                let moved = try self.appendLocked(to: destination, record: message.record, audio: audio, size: message.size, staged: false)
                try self.removeLocked([message.number], from: message.folder) { remaining, folders in
                    folders[destination, default: []].append(moved)
                    folders[message.folder] = remaining
                }
                return moved
            }
        }
    }

    /// Removes messages of this mailbox; all must exist (checked before anything changes).
    func delete(ids: [String]) async throws -> [String] {
        try await perform {
            var byFolder: [Folder: [Int]] = [:]
            for id in ids {
                guard let message = self.message(id: id) else { throw StoreError.notFound("no message \(id)") }
                byFolder[message.folder, default: []].append(message.number)
            }
            for (folder, numbers) in byFolder {
                try FolderLock.withLock(self.layout.folder(self.name, folder)) {
                    try self.removeLocked(numbers, from: folder) { remaining, folders in folders[folder] = remaining }
                }
            }
            return ids
        }
    }

    /// First half of a forward, on the source mailbox: second names of the message's files in
    /// the target's staging area, so the copy cannot pick up another message's audio when this
    /// folder is renumbered meanwhile.
    func stageCopy(id: String, into target: MailboxSpool) async throws -> StagedCopy {
        try await perform {
            guard let message = self.message(id: id) else { throw StoreError.notFound("no message \(id)") }
            return try FolderLock.withLock(self.layout.folder(self.name, message.folder)) {
                var audio: [String: URL] = [:]
                do {
                    for ext in message.audioExtensions {
                        let staged = try target.newStagingFile("forward", ext: ext)
                        try DurableFiles.linkWithoutSync(self.layout.audio(self.name, message.folder, message.number, ext), to: staged)
                        audio[ext] = staged
                    }
                } catch {
                    for url in audio.values { try? DurableFiles.remove(url) }
                    throw error
                }
                return StagedCopy(record: message.record, audio: audio, size: message.size)
            }
        }
    }

    /// Second half of a forward, on the target: the copy's `.txt` is the original's (same
    /// msg_id, same flag), unread in INBOX. Only when this mailbox already holds that msg_id
    /// does the copy get a new one (ids are unique within a mailbox).
    func acceptCopy(_ staged: StagedCopy, label: String, capacity: Int) async throws -> StoredMessage {
        do {
            return try await perform {
                guard self.count < capacity else { throw StoreError.mailboxFull("mailbox \(self.name) is full") }
                try self.checkRoom(in: .inbox)
                var record = staged.record
                if self.message(id: record.id) != nil { record.id = MessageID.make(at: Date()) }
                record.subject = label
                let stored = try FolderLock.withLock(self.layout.folder(self.name, .inbox)) {
                    try self.appendLocked(to: .inbox, record: record, audio: staged.audio, size: staged.size, staged: true)
                }
                self.publish(adding: stored)
                return stored
            }
        } catch {
            for url in staged.audio.values { try? DurableFiles.remove(url) }
            throw error
        }
    }

    // MARK: Greetings

    /// The served file of a greeting: `.wav`, then `.mp3`, then `.WAV`.
    func greetingFile(named spoolName: String) -> (url: URL, format: AudioFormat)? {
        for ext in SpoolLayout.audioExtensions {
            guard let format = SpoolLayout.servedFormat(ofExtension: ext) else { continue }
            let url = layout.greeting(name, named: spoolName, ext)
            if DurableFiles.isRegularFile(url) { return (url, format) }
        }
        return nil
    }

    func setGreeting(named spoolName: String, audioFile: URL, format: AudioFormat) async throws {
        try checkStaged(audioFile)
        try await perform {
            try DurableFiles.fsyncFile(audioFile)
            let target = self.layout.greeting(self.name, named: spoolName, format.fileExtension)
            try DurableFiles.renameWithoutSync(audioFile, to: target)
            try DurableFiles.syncDirectory(self.layout.mailbox(self.name))
            // Asterisk plays whichever format it prefers: the other recordings must go.
            for ext in SpoolLayout.audioExtensions where ext != format.fileExtension {
                try DurableFiles.remove(self.layout.greeting(self.name, named: spoolName, ext))
            }
            try DurableFiles.syncDirectory(self.layout.mailbox(self.name))
        }
    }

    func resetGreeting(named spoolName: String) async throws {
        try await perform {
            for ext in SpoolLayout.audioExtensions {
                try DurableFiles.remove(self.layout.greeting(self.name, named: spoolName, ext))
            }
            try DurableFiles.syncDirectory(self.layout.mailbox(self.name))
        }
    }

    // MARK: Internals (on the queue)

    /// Runs a write on the mailbox's queue; bumps the generation (ETags) whatever happens, and
    /// after a failure re-reads the mailbox from disk so the index never drifts from the files.
    private func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
            queue.async {
                continuation.resume(with: Result { try self.guarded(body) })
            }
        }
    }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        defer { index.withLock { $0.generation += 1 } }
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let busy as FolderLock.Busy {
            throw StoreError.busy(busy.description)
        } catch {
            logger.error("write to mailbox \(name) failed: \(error)")
            changingDisk {
                if let reloaded = try? SpoolRecovery(layout: layout, logger: logger).recoverMailbox(name) {
                    index.withLock { $0.folders = reloaded }
                }
            }
            // Paths inside the spool, never the server's absolute ones.
            throw StoreError.io("\(error)".replacingOccurrences(of: layout.root.path + "/", with: ""))
        }
    }

    /// Marks the files as moving for the length of `body` (see `openAudio`).
    private func changingDisk<T>(_ body: () throws -> T) rethrows -> T {
        index.withLock { $0.diskSequence += 1 }
        defer { index.withLock { $0.diskSequence += 1 } }
        return try body()
    }

    /// Asterisk never has more than 9999 messages in a folder (four digits): refused, so no
    /// acknowledged message can ever sit where nothing reads it.
    private func checkRoom(in folder: Folder) throws {
        guard count(in: folder) < SpoolLayout.maxMessagesPerFolder else {
            throw StoreError.mailboxFull(
                "the \(folder.rawValue) folder of mailbox \(name) holds \(SpoolLayout.maxMessagesPerFolder) messages, Asterisk's limit")
        }
    }

    private func checkStaged(_ file: URL) throws {
        guard file.deletingLastPathComponent().standardizedFileURL.path == layout.staging(name).standardizedFileURL.path,
            DurableFiles.isRegularFile(file)
        else { throw StoreError.badRequest("the audio to store must be a file in the upload staging area of mailbox \(name)") }
        guard (DurableFiles.fileSize(file) ?? 0) > 0 else { throw StoreError.badRequest("The audio is empty") }
    }

    private func publish(adding message: StoredMessage) {
        index.withLock { $0.folders[message.folder, default: []].append(message) }
    }

    /// Puts a message at the end of `folder` (whose lock the caller holds): audio first, `.txt`
    /// last (the moment it exists); `staged` files are removed once it does (until then they
    /// let recovery roll an unfinished deposit back). The caller publishes it in the index.
    private func appendLocked(
        to folder: Folder, record: MessageRecord, audio: [String: URL], size: Int?, staged: Bool
    ) throws -> StoredMessage {
        let folderURL = layout.folder(name, folder)
        try DurableFiles.makeDirectory(folderURL)
        let number = count(in: folder)
        if staged { for source in audio.values { try DurableFiles.fsyncFile(source) } }
        var record = record
        record.idWasStored = true
        try FolderEdits.place(
            text: Data(record.ini().render().utf8), audio: audio, at: number, in: folderURL, creation: .private)
        if staged {
            for source in audio.values { try DurableFiles.remove(source) }
        }
        let extensions = SpoolRecovery.orderedExtensions(Array(audio.keys))
        let served = extensions.first { SpoolLayout.audioExtensions.contains($0) }
        return StoredMessage(
            mailbox: name, folder: folder, number: number, record: record,
            size: size ?? served.flatMap { DurableFiles.fileSize(layout.audio(name, folder, number, $0)) } ?? 0,
            audioExtensions: extensions)
    }

    /// Deletes messages of a folder (whose lock the caller holds) and shifts the later ones
    /// down, as Asterisk does. `publish` puts the folder's new list in the index (called under
    /// the index lock, before audio readers may trust positions again).
    private func removeLocked(
        _ numbers: [Int], from folder: Folder,
        publish: (_ remaining: [StoredMessage], _ folders: inout [Folder: [StoredMessage]]) -> Void
    ) throws {
        try changingDisk {
            let list = index.withLock { $0.folders[folder] ?? [] }
            let doomed = Set(numbers.filter(list.indices.contains))
            var present: [Int: [String]] = [:]
            for message in list { present[message.number] = message.audioExtensions }
            let moves = try FolderEdits.remove(doomed, from: layout.folder(name, folder), present: present)
            let remaining = list.filter { !doomed.contains($0.number) }.map { message in
                var message = message
                message.number = moves[message.number] ?? message.number
                return message
            }
            index.withLock { publish(remaining, &$0.folders) }
        }
    }
}

/// A message's audio, opened: the handle is the message's file even if it is renumbered later.
struct OpenedAudio: @unchecked Sendable {
    var handle: FileHandle
    var format: AudioFormat
    var size: Int
    var message: StoredMessage
}

/// A forward between its two halves.
struct StagedCopy: Sendable {
    var record: MessageRecord
    var audio: [String: URL]
    var size: Int
}
