import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension KazooBackend {
    /// Kazoo's message record as vmtui's: `timestamp` in Gregorian seconds, `length` in
    /// milliseconds, caller name or number possibly absent or null; `deleted` ones are not
    /// shown. The audio's format is learned from its content when it is fetched.
    static func message(_ record: [String: Any], mailbox: String) -> VoicemailMessage? {
        guard let id = JSONValue.text(record["media_id"]) ?? JSONValue.text(record["id"]),
            let folder = KazooPaths.folder(JSONValue.text(record["folder"]))
        else { return nil }
        let transcription: String? =
            (record["transcription"] as? [String: Any]).flatMap { JSONValue.text($0["text"]) }
            ?? JSONValue.text(record["transcription"] as? String)
        return VoicemailMessage(
            id: id, mailbox: mailbox, folder: folder, read: folder == .old, urgent: false,
            callerName: JSONValue.text(record["caller_id_name"]), callerNumber: JSONValue.text(record["caller_id_number"]) ?? "",
            date: KazooPaths.date(gregorianSeconds: JSONValue.int(record["timestamp"]) ?? KazooPaths.gregorianOffset),
            duration: KazooPaths.seconds(milliseconds: JSONValue.int(record["length"]) ?? 0), format: .wav, size: 0,
            transcription: transcription)
    }

    /// Every message of a box, all pages.
    func messages(of box: KazooBox) async throws -> [VoicemailMessage] {
        let id = box.id
        return try await allPages(Call(path: { KazooPaths.messages($0, id) }, resource: "mailbox \(box.mailbox)", mailbox: box.mailbox))
            .compactMap { Self.message($0, mailbox: box.mailbox) }
    }

    public func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> {
        let identity = try await session.current { [self] in try await logIn() }
        var summaries: [MailboxSummary] = []
        for box in try await boxes() {
            let messages = try await self.messages(of: box)
            let unread = messages.filter { !$0.read }.count
            let folders = [Folder.inbox, .old].map { folder in
                FolderCount(folder: folder, total: messages.filter { $0.folder == folder }.count, unread: folder == .inbox ? unread : 0)
            }
            let own = box.ownerID != nil && box.ownerID == identity.ownerID
            let summary = MailboxSummary(
                mailbox: box.mailbox, name: box.name, own: own, newCount: unread, oldCount: messages.count - unread,
                total: messages.count, unread: unread, folders: folders)
            if own { summaries.insert(summary, at: 0) } else { summaries.append(summary) }
        }
        return .modified(summaries, etag: nil)
    }

    public func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws
        -> Conditional<Page<VoicemailMessage>>
    {
        let box = try await box(query.mailbox)
        return try await listing.page(query, mailbox: box.mailbox, ifNoneMatch: etag) { [self] in
            // Folders Kazoo does not have hold nothing: not a request is spent on them.
            if let folder = query.folder, KazooPaths.name(folder) == nil { return [] }
            return try await messages(of: box).filter { message in query.folder.map { message.folder == $0 } ?? true }
        }
    }

    public func message(id: String, mailbox: String?) async throws -> VoicemailMessage {
        let box = try await box(mailbox)
        let boxID = box.id
        let response = try await send(
            Call(path: { KazooPaths.message($0, boxID, id) }, resource: "message \(id)", mailbox: box.mailbox))
        guard let record = try data(response, expected: "a Kazoo voicemail message") as? [String: Any],
            let message = Self.message(record, mailbox: box.mailbox)
        else { throw VoicemailError.notFound(what: "message \(id)", reason: "deleted") }
        return message
    }

    /// One message: `POST …/messages/{id}` with `{"data":{"folder":…}}` (the message comes
    /// back); several: the bulk `POST …/messages` with their ids (`succeeded` / `failed`).
    func setFolder(_ ids: [String], _ folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        guard let name = KazooPaths.name(folder) else { throw VoicemailError.unsupported(.move) }
        let box = try await box(mailbox)
        let boxID = box.id
        defer { listing.forget() }
        if ids.count == 1, let id = ids.first {
            let response = try await send(
                Call(
                    method: "POST", path: { KazooPaths.message($0, boxID, id) }, body: RESTTransport.json(["data": ["folder": name]]),
                    resource: "message \(id)", mailbox: box.mailbox))
            if let record = try? data(response, expected: "the message") as? [String: Any],
                let changed = Self.message(record, mailbox: box.mailbox)
            {
                return [changed]
            }
            return [try await message(id: id, mailbox: mailbox)]
        }
        let response = try await send(
            Call(
                method: "POST", path: { KazooPaths.messages($0, boxID) },
                body: RESTTransport.json(["data": ["folder": name, "messages": ids]]), resource: "messages", mailbox: box.mailbox))
        let result = try data(response, expected: "succeeded and failed") as? [String: Any] ?? [:]
        if let failed = (result["failed"] as? [Any])?.first {
            let (id, why) = (failed as? [String: Any])?.first.map { ($0.key, JSONValue.string($0.value) ?? "failed") } ?? ("?", "failed")
            throw VoicemailError.notFound(what: "message \(id)", reason: why)
        }
        let wanted = Set(ids)
        return try await messages(of: box).filter { wanted.contains($0.id) }
    }

    public func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await setFolder(ids, .old, mailbox: mailbox)
    }

    public func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try await setFolder(ids, .inbox, mailbox: mailbox)
    }

    /// Kazoo has only `new` and `saved` (read state, not folders): move is refused before
    /// anything is sent.
    public func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] {
        throw VoicemailError.unsupported(.move)
    }

    /// `DELETE …/messages/{id}`: Kazoo moves it to `deleted`, which is never listed.
    public func delete(ids: [String], mailbox: String?) async throws -> [String] {
        let box = try await box(mailbox)
        let boxID = box.id
        defer { listing.forget() }
        for id in ids {
            _ = try await send(
                Call(method: "DELETE", path: { KazooPaths.message($0, boxID, id) }, resource: "message \(id)", mailbox: box.mailbox))
        }
        return ids
    }

    /// A copy into each target box: `POST …/messages/{id}` with `{"data":{"source_id":[box ids]}}`.
    public func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy] {
        let box = try await box(mailbox)
        let all = try await boxes()
        var targets: [KazooBox] = []
        for ext in extensions {
            guard let target = all.first(where: { $0.mailbox == ext }) else { throw VoicemailError.noExtension(ext) }
            targets.append(target)
        }
        let boxID = box.id
        let response = try await send(
            Call(
                method: "POST", path: { KazooPaths.message($0, boxID, id) },
                body: RESTTransport.json(["data": ["source_id": targets.map(\.id)]]), resource: "message \(id)", mailbox: box.mailbox))
        let copies = (try? data(response, expected: "the copies")) as? [String: Any]
        return targets.map { target in
            ForwardedCopy(mailbox: target.mailbox, id: JSONValue.text(copies?[target.id]) ?? id)
        }
    }

    /// `GET …/messages/{id}/raw` with `Accept: audio/*`: WAV or MP3, told by its content.
    @discardableResult
    public func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        let box = try await box(message.mailbox.isEmpty ? nil : message.mailbox)
        let boxID = box.id
        let id = message.id
        let call = Call(path: { KazooPaths.raw($0, boxID, id) }, accept: "audio/*", resource: "message \(id)", mailbox: box.mailbox)
        return try await RESTTransport.download(
            to: file, atomically: atomically, expecting: AudioExpectation(message), formatFromContent: true, progress: progress
        ) { sink, reported in
            try await send(call, sink: sink, isAudio: true, progress: reported)
        }
    }
}
