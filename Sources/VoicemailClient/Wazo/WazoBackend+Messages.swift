import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension WazoBackend {
    /// Wazo's message record as vmtui's: `caller_id_name` / `caller_id_num` may be null,
    /// `timestamp` is Unix seconds, `duration` seconds; `empty` messages (no audio) are
    /// labelled so; `transcription.text` when Wazo has one. Unread = in INBOX or Urgent.
    static func message(_ record: [String: Any], folder given: Folder?, mailbox: String) -> VoicemailMessage? {
        guard let id = JSONValue.text(record["id"]) else { return nil }
        let folderID = JSONValue.int((record["folder"] as? [String: Any])?["id"])
        let folder = folderID.flatMap(WazoPaths.folder(id:)) ?? given ?? .inbox
        let empty = (record["empty"] as? Bool) ?? false
        let transcription = JSONValue.text((record["transcription"] as? [String: Any])?["text"])
        return VoicemailMessage(
            id: id, mailbox: mailbox, folder: folder, read: !folder.holdsUnread, urgent: folder == .urgent,
            callerName: JSONValue.text(record["caller_id_name"]), callerNumber: JSONValue.text(record["caller_id_num"]) ?? "",
            date: Date(timeIntervalSince1970: TimeInterval(JSONValue.int(record["timestamp"]) ?? 0)),
            duration: max(0, JSONValue.int(record["duration"]) ?? 0), format: .wav, size: 0,
            subject: empty ? "(empty message)" : nil, transcription: transcription)
    }

    /// The messages of one folder (or all) of the user's own voicemail.
    func ownMessages(_ folder: Folder?) async throws -> [VoicemailMessage] {
        let mine = try await ownVoicemail()
        guard let folder else {
            let voicemail = try await personalVoicemail()
            return (voicemail["folders"] as? [[String: Any]] ?? []).flatMap { folderRecord -> [VoicemailMessage] in
                let inFolder = JSONValue.int(folderRecord["id"]).flatMap(WazoPaths.folder(id:))
                return (folderRecord["messages"] as? [[String: Any]] ?? []).compactMap {
                    Self.message($0, folder: inFolder, mailbox: mine.id)
                }
            }
        }
        // Cust1–5, Deleted: Wazo has no such folder, so nothing is in it.
        guard let folderID = WazoPaths.folderID(folder) else { return [] }
        let response = try await send(Call(path: WazoPaths.folder(folderID), resource: "folder \(folder.displayName)"))
        let records = RESTTransport.object(response.body)?["messages"] as? [[String: Any]] ?? []
        return records.compactMap { Self.message($0, folder: folder, mailbox: mine.id) }
    }

    /// Every message of the global voicemails the user may read, paged by `limit`/`offset`
    /// (`GET /users/me/voicemails/messages?voicemail_type=global`), with its voicemail.
    func globalMessages() async throws -> [(message: VoicemailMessage, box: String, boxName: String)] {
        var found: [(message: VoicemailMessage, box: String, boxName: String)] = []
        var offset = 0
        while true {
            let response = try await send(
                Call(
                    path: WazoPaths.messages,
                    query: [
                        ("voicemail_type", "global"), ("limit", String(pageSize)), ("offset", String(offset)),
                        ("order", "timestamp"), ("direction", "desc"),
                    ], resource: "shared voicemails"))
            let object = RESTTransport.object(response.body) ?? [:]
            let items = object["items"] as? [[String: Any]] ?? []
            for item in items {
                let voicemail = item["voicemail"] as? [String: Any] ?? [:]
                guard let box = JSONValue.string(voicemail["id"]),
                    let message = Self.message(item, folder: nil, mailbox: box)
                else { continue }
                found.append((message, box, JSONValue.text(voicemail["name"]) ?? box))
            }
            offset += items.count
            let total = JSONValue.int(object["total"]) ?? offset
            if items.isEmpty || offset >= total { return found }
        }
    }

    /// The mailbox name of a shared voicemail, or of the user's own.
    func boxKey(_ shared: String?) async throws -> String {
        if let shared { return shared }
        return try await ownVoicemail().id
    }

    public func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> {
        let mine = try await ownVoicemail()
        var summaries = [Self.summary(mailbox: mine.id, name: mine.name, own: true, messages: try await ownMessages(nil))]
        var shared: [String: (name: String, messages: [VoicemailMessage])] = [:]
        var order: [String] = []
        for entry in try await globalMessages() where entry.box != mine.id {
            if shared[entry.box] == nil { order.append(entry.box) }
            shared[entry.box, default: (entry.boxName, [])].messages.append(entry.message)
        }
        for box in order {
            summaries.append(Self.summary(mailbox: box, name: shared[box]!.name, own: false, messages: shared[box]!.messages))
        }
        return .modified(summaries, etag: nil)
    }

    static func summary(mailbox: String, name: String, own: Bool, messages: [VoicemailMessage]) -> MailboxSummary {
        let folders = (Folder.allCases + [.urgent]).map { folder in
            let inFolder = messages.filter { $0.folder == folder }
            return FolderCount(folder: folder, total: inFolder.count, unread: inFolder.filter { !$0.read }.count)
        }
        let unread = messages.filter { !$0.read }.count
        return MailboxSummary(
            mailbox: mailbox, name: name, own: own, newCount: unread, oldCount: messages.count - unread,
            total: messages.count, unread: unread, folders: folders)
    }

    public func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws
        -> Conditional<Page<VoicemailMessage>>
    {
        let shared = try await sharedID(query.mailbox)
        let key = try await boxKey(shared)
        return try await listing.page(query, mailbox: key, ifNoneMatch: etag) { [self] in
            guard let shared else { return try await ownMessages(query.folder) }
            return try await globalMessages().compactMap { entry in
                entry.box == shared && (query.folder.map { entry.message.folder == $0 } ?? true) ? entry.message : nil
            }
        }
    }

    public func message(id: String, mailbox: String?) async throws -> VoicemailMessage {
        let response = try await send(Call(path: WazoPaths.message(id), resource: "message \(id)", mailbox: mailbox))
        let box = try await boxKey(try await sharedID(mailbox))
        guard let record = RESTTransport.object(response.body), let message = Self.message(record, folder: nil, mailbox: box)
        else {
            throw VoicemailError.malformedResponse(expected: "a Wazo voicemail message", detail: "no id")
        }
        return message
    }

    /// `PUT …/messages/{id}` with `{"folder_id": n}` (204), then the message as Wazo now has it.
    func setFolder(_ ids: [String], _ folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        guard let folderID = WazoPaths.folderID(folder) else {
            throw VoicemailError.badRequest(reason: "Wazo has no folder \(folder.displayName)")
        }
        defer { listing.forget() }
        var changed: [VoicemailMessage] = []
        for id in ids {
            _ = try await send(
                Call(
                    method: "PUT", path: WazoPaths.message(id), body: RESTTransport.json(["folder_id": folderID]),
                    resource: "message \(id)", mailbox: mailbox))
            changed.append(try await message(id: id, mailbox: mailbox))
        }
        return changed
    }

    /// Read = Old (Wazo has no read flag; since calld 24.16 playing does not mark read).
    public func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await setFolder(ids, .old, mailbox: mailbox)
    }

    public func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await setFolder(ids, .inbox, mailbox: mailbox)
    }

    public func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        try await setFolder(ids, folder, mailbox: mailbox)
    }

    public func delete(ids: [String], mailbox: String?) async throws -> [String] {
        defer { listing.forget() }
        for id in ids {
            _ = try await send(Call(method: "DELETE", path: WazoPaths.message(id), resource: "message \(id)", mailbox: mailbox))
        }
        return ids
    }

    /// Wazo has no forward call.
    public func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy] {
        throw VoicemailError.unsupported(.forward)
    }

    /// `GET …/messages/{id}/recording` (audio/wav on Wazo; pbx-sim may serve MP3, so the format
    /// is read from the content), checked against the message.
    @discardableResult
    public func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        let call = Call(
            path: WazoPaths.recording(message.id), accept: "audio/wav, audio/*", resource: "message \(message.id)",
            mailbox: message.mailbox)
        return try await RESTTransport.download(
            to: file, atomically: atomically, expecting: AudioExpectation(message), formatFromContent: true,
            progress: progress
        ) { sink, reported in
            try await send(call, sink: sink, isAudio: true, progress: reported)
        }
    }
}
