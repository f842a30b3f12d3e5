import Foundation
import VoicemailModel

/// Changes to the spool, each made the way app_voicemail makes it: under the folder's lock,
/// files copied audio first and `.txt` last, and the folder a message left renumbered so its
/// numbers stay contiguous from 0000.
struct SpoolWriter: Sendable {
    let layout: SpoolLayout
    let lock: FolderLock
    var cache = MessageInfoCache()

    enum Failure: Error, Equatable {
        case notFound(id: String)
        case folderFull(folder: String)
    }

    private var reader: SpoolReader { SpoolReader(layout: layout, cache: cache) }

    /// Moves the messages with `ids` (of any folders) to `destination`. Messages already there stay.
    func move(ids: [String], of mailbox: String, to destination: Folder) throws {
        let located = try locate(ids, in: mailbox)
        for source in Set(located.map(\.folder)).sorted() where source != destination {
            let wanted = Set(located.filter { $0.folder == source }.map(\.id))
            try lock.withLock(layout.folder(mailbox, source)) {
                // Read again under the lock: the numbers may have changed since.
                let messages = reader.messages(of: mailbox, folder: source).filter { wanted.contains($0.id) }
                guard !messages.isEmpty else { return }
                try lock.withLock(layout.folder(mailbox, destination)) {
                    try append(messages, to: layout.folder(mailbox, destination), copying: false)
                }
                try removeAndRenumber(messages, in: layout.folder(mailbox, source))
            }
        }
    }

    /// Removes the messages and renumbers the folders they were in.
    func delete(ids: [String], of mailbox: String) throws {
        let located = try locate(ids, in: mailbox)
        for folder in Set(located.map(\.folder)).sorted() {
            let wanted = Set(located.filter { $0.folder == folder }.map(\.id))
            try lock.withLock(layout.folder(mailbox, folder)) {
                let messages = reader.messages(of: mailbox, folder: folder).filter { wanted.contains($0.id) }
                try removeAndRenumber(messages, in: layout.folder(mailbox, folder))
            }
        }
    }

    /// Copies the message (`.txt` verbatim, so msg_id and flag are kept) into `target`'s
    /// INBOX; returns the number it got there.
    func copy(_ message: SpoolMessage, toMailbox target: String) throws -> Int {
        let inbox = layout.folder(target, .inbox)
        return try lock.withLock(inbox) {
            try append([message], to: inbox, copying: true).first!
        }
    }

    /// Caller holds the lock of `directory`.
    @discardableResult
    private func append(_ messages: [SpoolMessage], to directory: URL, copying: Bool) throws -> [Int] {
        let first = SpoolReader.nextNumber(in: directory)
        guard first + messages.count <= SpoolLayout.maxMessagesPerFolder else {
            throw Failure.folderFull(folder: directory.lastPathComponent)
        }
        var numbers: [Int] = []
        for (offset, message) in messages.enumerated() {
            let base = directory.appendingPathComponent(SpoolLayout.baseName(first + offset))
            for source in message.filesAudioFirst {
                let target = base.appendingPathExtension(source.pathExtension)
                if copying {
                    try SpoolFiles.copy(source, to: target)
                } else {
                    try SpoolFiles.linkOrCopy(source, to: target)
                }
            }
            numbers.append(first + offset)
        }
        SpoolFiles.syncDirectory(directory)
        return numbers
    }

    /// Caller holds the lock of `directory`. `.txt` goes first: without it the leftover
    /// audio is no message to Asterisk, whatever happens next.
    private func removeAndRenumber(_ messages: [SpoolMessage], in directory: URL) throws {
        for message in messages {
            try SpoolFiles.remove(message.textFile)
            for ext in message.audioExtensions { try SpoolFiles.remove(message.file(ext)) }
        }
        try renumber(directory)
    }

    /// Closes the gaps: the n-th message (by number) becomes msg000n, audio before `.txt`.
    func renumber(_ directory: URL) throws {
        var files: [Int: [String]] = [:]
        var texts: [Int] = []
        for name in SpoolFiles.names(in: directory) {
            guard let (number, ext) = SpoolLayout.parse(fileName: name) else { continue }
            if ext == "txt" { texts.append(number) } else { files[number, default: []].append(ext) }
        }
        for (position, number) in texts.sorted().enumerated() where position != number {
            let from = directory.appendingPathComponent(SpoolLayout.baseName(number))
            let to = directory.appendingPathComponent(SpoolLayout.baseName(position))
            for ext in (files[number] ?? []) + ["txt"] {
                try SpoolFiles.rename(from.appendingPathExtension(ext), to: to.appendingPathExtension(ext))
            }
        }
        SpoolFiles.syncDirectory(directory)
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
