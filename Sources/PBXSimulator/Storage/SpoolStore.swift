import Foundation
import Logging
import VoicemailModel

/// The only writer of the spool. An actor, so concurrent requests cannot interleave the
/// renumbering of `msgNNNN` files; reads come from an in-memory index kept in step with disk.
///
/// Crash safety: a message exists once its `.txt` exists. Audio is written first, the `.txt`
/// last; renumbering and moves give the file a second name (hard link) before removing the
/// first, so at any instant each message has at least one complete pair. `SpoolRecovery`
/// resolves what an interrupted operation leaves (orphan audio, a duplicate id, a gap).
actor SpoolStore {
    let layout: SpoolLayout
    let users: UserDirectory
    let defaultCapacity: Int
    private let logger: Logger
    private var folders: [String: [Folder: [StoredMessage]]] = [:]
    private var generations: [String: Int] = [:]

    init(directory: URL, users: UserDirectory, defaultCapacity: Int, logger: Logger) throws {
        layout = SpoolLayout(root: directory)
        self.users = users
        self.defaultCapacity = defaultCapacity
        self.logger = logger
        var loaded: [String: [Folder: [StoredMessage]]] = [:]
        for user in users.users {
            loaded[user.extension] = try SpoolRecovery(layout: layout, logger: logger).recoverMailbox(user.extension)
        }
        folders = loaded
    }

    // MARK: Reads

    func capacity(of mailbox: String) -> Int {
        users.user(mailbox)?.capacity ?? defaultCapacity
    }

    func generation(of mailbox: String) -> Int { generations[mailbox, default: 0] }

    func messages(in mailbox: String) -> [StoredMessage] {
        Folder.allCases.flatMap { folders[mailbox]?[$0] ?? [] }
    }

    func count(in mailbox: String) -> Int {
        folders[mailbox]?.values.reduce(0) { $0 + $1.count } ?? 0
    }

    func find(_ id: String) -> StoredMessage? {
        for (_, byFolder) in folders {
            for (_, list) in byFolder {
                if let message = list.first(where: { $0.id == id }) { return message }
            }
        }
        return nil
    }

    /// The message at a spool position, for `/spoolview/` downloads.
    func message(mailbox: String, folder: Folder, number: Int) -> StoredMessage? {
        guard let list = folders[mailbox]?[folder], list.indices.contains(number) else { return nil }
        return list[number]
    }

    func audioURL(of message: StoredMessage) -> URL {
        layout.audio(message.mailbox, message.folder, message.number, message.record.format)
    }

    // MARK: Writes

    /// Files a new message at the end of `folder`.
    func deposit(
        into mailbox: String, folder: Folder = .inbox, audio: Data, format: AudioFormat, record: MessageRecord
    ) throws -> StoredMessage {
        guard users.user(mailbox) != nil else { throw StoreError.notFound("no mailbox \(mailbox)") }
        guard count(in: mailbox) < capacity(of: mailbox) else {
            throw StoreError.mailboxFull("mailbox \(mailbox) is full")
        }
        return try guarded(mailbox) {
            try DurableFiles.makeDirectory(layout.folder(mailbox, folder))
            let number = folders[mailbox]?[folder]?.count ?? 0
            try clearSlot(mailbox, folder, number)
            try DurableFiles.write(audio, to: layout.audio(mailbox, folder, number, format))
            try DurableFiles.write(Data(record.ini().render().utf8), to: layout.text(mailbox, folder, number))
            let stored = StoredMessage(mailbox: mailbox, folder: folder, number: number, record: record, size: audio.count)
            folders[mailbox, default: [:]][folder, default: []].append(stored)
            return stored
        }
    }

    /// Mark read/unread and move, per the contract's PUT semantics.
    func update(_ id: String, read: Bool?, folder target: Folder?) throws -> StoredMessage {
        guard let message = find(id) else { throw StoreError.notFound("no message \(id)") }
        var destination = target ?? message.folder
        var newRead = read ?? message.api.read
        if target == nil {
            // The phone's rules: reading a new message files it in Old; "unread" brings it back.
            if read == true, message.folder == .inbox { destination = .old }
            if read == false, message.folder == .old { destination = .inbox }
        } else if target != .inbox, message.folder == .inbox, read == nil {
            newRead = false
        }
        if destination == .inbox {
            if read == true { throw StoreError.badRequest("a message in INBOX is unread; it cannot be marked read there") }
            newRead = false
        }
        var record = message.record
        record.read = newRead
        if destination == message.folder {
            guard record != message.record else { return message }
            return try guarded(message.mailbox) {
                try DurableFiles.write(
                    Data(record.ini().render().utf8), to: layout.text(message.mailbox, message.folder, message.number))
                var updated = message
                updated.record = record
                folders[message.mailbox]?[message.folder]?[message.number] = updated
                return updated
            }
        }
        return try guarded(message.mailbox) {
            let mailbox = message.mailbox
            try DurableFiles.makeDirectory(layout.folder(mailbox, destination))
            let number = folders[mailbox]?[destination]?.count ?? 0
            try clearSlot(mailbox, destination, number)
            try DurableFiles.link(audioURL(of: message), to: layout.audio(mailbox, destination, number, record.format))
            try DurableFiles.write(Data(record.ini().render().utf8), to: layout.text(mailbox, destination, number))
            let moved = StoredMessage(
                mailbox: mailbox, folder: destination, number: number, record: record, size: message.size)
            folders[mailbox, default: [:]][destination, default: []].append(moved)
            try removeAndRenumber(message)
            return moved
        }
    }

    /// All or nothing: an unknown id deletes nothing.
    func delete(_ ids: [String]) throws -> [String] {
        var targets: [StoredMessage] = []
        for id in ids {
            guard let message = find(id) else { throw StoreError.notFound("no message \(id)") }
            if !targets.contains(where: { $0.id == id }) { targets.append(message) }
        }
        for id in targets.map(\.id) {
            // Positions shift as earlier deletes renumber the folder: look each one up again.
            guard let message = find(id) else { continue }
            try guarded(message.mailbox) { try removeAndRenumber(message) }
        }
        return targets.map(\.id)
    }

    /// A copy, unread, in each target's INBOX; refused as a whole when one target is full.
    func forward(_ id: String, to targets: [String], label: String) throws -> [ForwardedCopy] {
        guard let message = find(id) else { throw StoreError.notFound("no message \(id)") }
        for target in targets {
            guard users.user(target) != nil else { throw StoreError.notFound("no extension \(target)") }
        }
        for target in targets where count(in: target) >= capacity(of: target) {
            throw StoreError.mailboxFull("mailbox \(target) is full")
        }
        var copies: [ForwardedCopy] = []
        let now = Date()
        for target in targets {
            var record = message.record
            record.id = MessageID.make(at: now)
            record.read = false
            record.subject = label
            record.originalMailbox = target
            record.exten = target
            let stored = try guarded(target) {
                try DurableFiles.makeDirectory(layout.folder(target, .inbox))
                let number = folders[target]?[.inbox]?.count ?? 0
                try clearSlot(target, .inbox, number)
                try DurableFiles.link(audioURL(of: message), to: layout.audio(target, .inbox, number, record.format))
                try DurableFiles.write(Data(record.ini().render().utf8), to: layout.text(target, .inbox, number))
                let stored = StoredMessage(mailbox: target, folder: .inbox, number: number, record: record, size: message.size)
                folders[target, default: [:]][.inbox, default: []].append(stored)
                return stored
            }
            copies.append(ForwardedCopy(mailbox: target, id: stored.id))
        }
        return copies
    }

    // MARK: Greetings

    func greetingFile(_ mailbox: String, _ type: GreetingType) -> (url: URL, format: AudioFormat)? {
        for format in AudioFormat.allCases {
            let url = layout.greeting(mailbox, type, format)
            if DurableFiles.exists(url) { return (url, format) }
        }
        return nil
    }

    func setGreeting(_ mailbox: String, _ type: GreetingType, audio: Data, format: AudioFormat) throws {
        try guarded(mailbox) {
            try DurableFiles.makeDirectory(layout.mailbox(mailbox))
            try DurableFiles.write(audio, to: layout.greeting(mailbox, type, format))
            for other in AudioFormat.allCases where other != format {
                try DurableFiles.removeAndSync(layout.greeting(mailbox, type, other))
            }
        }
    }

    func resetGreeting(_ mailbox: String, _ type: GreetingType) throws {
        try guarded(mailbox) {
            for format in AudioFormat.allCases {
                try DurableFiles.removeAndSync(layout.greeting(mailbox, type, format))
            }
        }
    }

    // MARK: Internals

    /// Runs a write; bumps the mailbox's generation (ETags) whatever happens, and after a
    /// failure re-reads the mailbox from disk so the index never drifts from the files.
    private func guarded<T>(_ mailbox: String, _ body: () throws -> T) throws -> T {
        defer { generations[mailbox, default: 0] += 1 }
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            logger.error("write to mailbox \(mailbox) failed: \(error)")
            if let reloaded = try? SpoolRecovery(layout: layout, logger: logger).recoverMailbox(mailbox) {
                folders[mailbox] = reloaded
            }
            throw StoreError.io("\(error)")
        }
    }

    /// Removes leftovers (from a crash) that would otherwise share a number with a new message.
    private func clearSlot(_ mailbox: String, _ folder: Folder, _ number: Int) throws {
        for format in AudioFormat.allCases {
            try DurableFiles.remove(layout.audio(mailbox, folder, number, format))
        }
    }

    /// Deletes a message and shifts the later ones down by one, as Asterisk does.
    private func removeAndRenumber(_ message: StoredMessage) throws {
        let mailbox = message.mailbox, folder = message.folder
        try DurableFiles.removeAndSync(layout.text(mailbox, folder, message.number))
        try DurableFiles.remove(audioURL(of: message))
        guard var list = folders[mailbox]?[folder] else { return }
        list.remove(at: message.number)
        for index in message.number..<list.count {
            try SpoolRecovery.renumber(list[index], to: index, layout: layout)
            list[index].number = index
        }
        try DurableFiles.syncDirectory(layout.folder(mailbox, folder))
        folders[mailbox]?[folder] = list
    }
}
