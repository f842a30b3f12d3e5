import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// Changes to messages. Any 2xx is success as far as the server goes; what changed is then
/// taken from the answer when it holds the record, else read again. Mark unread and move are
/// only reported done when the message is in the state asked for: a PBX that ignores the body
/// of a PUT marks the message read and says 200, which must never pass for success.
extension VoicemailClient {
    /// Marks each message read (an INBOX message moves to Old): `PUT` with an empty body, the
    /// one documented change. Stops at the first failure.
    public func markRead(ids: [String], mailbox: String? = nil) async throws -> [VoicemailMessage] {
        try await each(ids) { id in
            try await self.change(id: id, nil, mailbox: mailbox, asked: "mark message \(id) read") { $0.read }
        }
    }

    /// Marks each message unread (an Old message moves back to INBOX).
    public func markUnread(ids: [String], mailbox: String? = nil) async throws -> [VoicemailMessage] {
        try await require(.markUnread)
        return try await each(ids) { id in
            try await self.change(id: id, MessageUpdate(read: false), mailbox: mailbox, asked: "mark message \(id) unread") {
                !$0.read
            }
        }
    }

    /// Moves each message to `folder`, keeping its read flag unless `read` says otherwise.
    public func move(ids: [String], to folder: Folder, read: Bool? = nil, mailbox: String? = nil) async throws
        -> [VoicemailMessage]
    {
        try await require(.move)
        return try await each(ids) { id in
            try await self.change(
                id: id, MessageUpdate(read: read, folder: folder), mailbox: mailbox,
                asked: "move message \(id) to \(folder.displayName)"
            ) { now in now.folder == folder && (read.map { $0 == now.read } ?? true) }
        }
    }

    /// `PUT` with an empty body (mark read) or a `MessageUpdate`; answers the message as the
    /// server now has it (no check of its state; `markUnread` and `move` check).
    public func update(id: String, _ update: MessageUpdate?, mailbox: String? = nil) async throws -> VoicemailMessage {
        if update != nil { try await require(update?.folder == nil ? .markUnread : .move) }
        let response = try await put(id: id, update, mailbox: mailbox)
        return try await changedRecord(id: id, response: response, mailbox: mailbox)
    }

    /// Deletes all or nothing: an unknown id fails the whole call (`.notFound`), so a retry is
    /// safe. An answer that does not list the deleted ids is checked by reading the list again.
    @discardableResult
    public func delete(ids: [String], mailbox: String? = nil) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let call = APICall(
            method: "DELETE", path: APIPath.delete(ids.map(Self.encodeID)), mailbox: effectiveMailbox(mailbox),
            resource: ids.count == 1 ? "message \(ids[0])" : "one of the messages \(ids.joined(separator: ", "))")
        let response = try await send(call)
        if let answer = try? JSONDecoder().decode(ResultEnvelope<DeleteResult>.self, from: response.body) {
            return answer.result.deleted
        }
        let remaining = Set(try await allMessages(mailbox: mailbox, folder: nil, search: nil).map(\.id)).intersection(ids)
        if let still = ids.first(where: remaining.contains) {
            throw VoicemailError.notApplied(what: "delete message \(still)", detail: "it is still in the mailbox")
        }
        return ids
    }

    /// Copies a message into each target mailbox's INBOX; all or nothing.
    public func forward(id: String, to extensions: [String], mailbox: String? = nil) async throws -> [ForwardedCopy] {
        guard !extensions.isEmpty, extensions.allSatisfy(Extensions.isValid) else {
            throw VoicemailError.badRequest(reason: "forward targets must be extensions (digits), e.g. 102*103")
        }
        try await require(.forward)
        var call = APICall(
            method: "POST", path: APIPath.forward(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox),
            resource: "message \(id) or extension \(extensions.joined(separator: "*"))")
        call.body = .data(try JSONEncoder().encode(ForwardRequest(to: extensions)), contentType: "application/json")
        call.passThrough = [404]
        let response = try await send(call)
        if response.status == 404 { throw await forwardNotFound(response, id: id, targets: extensions, mailbox: mailbox) }
        return try decode(ForwardResult.self, from: response, expected: "the forwarded copies").forwarded
    }

    // MARK: Helpers

    private func put(id: String, _ update: MessageUpdate?, mailbox: String?) async throws -> TransferResponse {
        var call = APICall(
            method: "PUT", path: APIPath.message(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox),
            resource: "message \(id)")
        let body = try update.map { try JSONEncoder().encode($0) } ?? Data()
        call.body = .data(body, contentType: "application/json")
        return try await send(call)
    }

    /// Sends the change, then insists the message is as `satisfied` wants; when it is not, the
    /// server ignored what was asked and neither mark unread nor move is offered again.
    private func change(
        id: String, _ update: MessageUpdate?, mailbox: String?, asked: String,
        satisfied: (VoicemailMessage) -> Bool
    ) async throws -> VoicemailMessage {
        let response = try await put(id: id, update, mailbox: mailbox)
        let now = try await changedRecord(id: id, response: response, mailbox: mailbox)
        guard satisfied(now) else {
            if update != nil { await capabilityStore.withdraw([.markUnread, .move]) }
            let state = "it is \(now.read ? "read" : "unread"), in \(now.folder.displayName)"
            let hint = update == nil ? "" : " (this PBX ignores what a change asks; set api = \"wildix\")"
            throw VoicemailError.notApplied(what: asked, detail: state + hint)
        }
        return now
    }

    /// The record in the answer, else the record read again.
    private func changedRecord(id: String, response: TransferResponse, mailbox: String?) async throws -> VoicemailMessage {
        if let answer = try? JSONDecoder().decode(ResultEnvelope<LocatedMessage>.self, from: response.body),
            answer.result.message.id == id
        {
            audioLocations.learn([answer.result])
            return answer.result.message
        }
        do {
            return try await message(id: id, mailbox: mailbox)
        } catch VoicemailError.notFound {
            // The change just succeeded, so the message exists: a server told to be the full
            // contract (`api = "vmtui"`) may still lack the one-message call. Ask its list.
            return try await findInList(id: id, mailbox: mailbox)
        }
    }

    /// A 404 to a forward: the message is gone, or a target is no extension (said by name).
    private func forwardNotFound(
        _ response: TransferResponse, id: String, targets: [String], mailbox: String?
    ) async -> VoicemailError {
        let original = VoicemailError.from(
            status: response.status, body: response.body, reasonPhrase: response.reasonPhrase,
            mailbox: effectiveMailbox(mailbox), resource: "message \(id)")
        do {
            _ = try await message(id: id, mailbox: mailbox)
        } catch {
            return VoicemailError(error)
        }
        let reason = (try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body))?.reason ?? ""
        if let named = targets.first(where: { reason.contains($0) }) { return .noExtension(named) }
        if targets.count == 1 { return .noExtension(targets[0]) }
        if case .notFound = original { return .noExtension("among \(targets.joined(separator: ", "))") }
        return original
    }

    private func each(_ ids: [String], _ body: (String) async throws -> VoicemailMessage) async throws
        -> [VoicemailMessage]
    {
        var results: [VoicemailMessage] = []
        for id in ids { results.append(try await body(id)) }
        return results
    }
}
