import Foundation
import VoicemailModel

extension VoicemailClient {
    /// One page of messages.
    public func listMessages(_ query: MessageQuery = MessageQuery()) async throws -> Page<VoicemailMessage> {
        switch try await listMessages(query, ifNoneMatch: nil) {
        case .modified(let page, _): return page
        case .notModified: throw VoicemailError.unexpectedStatus(status: 304, reason: "Not Modified without If-None-Match")
        }
    }

    public func listMessages(
        mailbox: String? = nil, folder: Folder? = .inbox, start: Int = 0, count: Int = 100,
        sort: MessageSort = .date, direction: SortDirection = .descending, search: String? = nil
    ) async throws -> Page<VoicemailMessage> {
        try await listMessages(
            MessageQuery(
                mailbox: mailbox, folder: folder, start: start, count: count, sort: sort, direction: direction,
                search: search))
    }

    /// A conditional list: `.notModified` when the ETag still matches (the cheap live refresh).
    public func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws
        -> Conditional<Page<VoicemailMessage>>
    {
        let mailbox = effectiveMailbox(query.mailbox)
        var parameters: [(String, String)] = []
        if let mailbox { parameters.append(("filter[mailbox]", mailbox)) }
        if let folder = query.folder { parameters.append(("filter[folder]", folder.rawValue)) }
        parameters += [
            ("start", String(max(0, query.start))), ("count", String(min(max(1, query.count), 1000))),
            ("sort", query.sort.rawValue), ("dir", query.direction.rawValue),
        ]
        if let search = query.search, !search.isEmpty { parameters.append(("search", search)) }
        var call = APICall(path: APIPath.voiceMail, query: parameters, mailbox: mailbox, resource: "mailbox \(mailbox ?? "")")
        if let etag { call.headers.append("If-None-Match: \(etag)") }
        return try await conditional(call, expected: "a page of messages", as: Page<VoicemailMessage>.self)
    }

    /// Every message matching the query, fetched page by page (1000 at a time).
    public func allMessages(
        mailbox: String? = nil, folder: Folder? = nil, search: String? = nil, sort: MessageSort = .date,
        direction: SortDirection = .descending
    ) async throws -> [VoicemailMessage] {
        var query = MessageQuery(mailbox: mailbox, folder: folder, start: 0, count: 1000, sort: sort, direction: direction, search: search)
        var messages: [VoicemailMessage] = []
        while true {
            let page = try await listMessages(query)
            messages += page.records
            query.start += page.records.count
            if page.records.isEmpty || messages.count >= page.total { return messages }
        }
    }

    /// One message by id; 404 (`.notFound`) when it is gone.
    public func message(id: String, mailbox: String? = nil) async throws -> VoicemailMessage {
        let call = APICall(path: APIPath.message(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox), resource: "message \(id)")
        return try decode(VoicemailMessage.self, from: try await send(call), expected: "a message")
    }

    /// `PUT` with an empty body (mark read) or a `MessageUpdate`; answers the updated message.
    public func update(id: String, _ update: MessageUpdate?, mailbox: String? = nil) async throws -> VoicemailMessage {
        var call = APICall(
            method: "PUT", path: APIPath.message(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox),
            resource: "message \(id)")
        if let update {
            call.body = .data(try JSONEncoder().encode(update), contentType: "application/json")
        } else {
            call.body = .data(Data(), contentType: "application/json")
        }
        return try decode(VoicemailMessage.self, from: try await send(call), expected: "the updated message")
    }

    /// Marks each message read (an INBOX message moves to Old). Stops at the first failure.
    public func markRead(ids: [String], mailbox: String? = nil) async throws -> [VoicemailMessage] {
        try await each(ids) { try await self.update(id: $0, nil, mailbox: mailbox) }
    }

    /// Marks each message unread (an Old message moves back to INBOX).
    public func markUnread(ids: [String], mailbox: String? = nil) async throws -> [VoicemailMessage] {
        try await each(ids) { try await self.update(id: $0, MessageUpdate(read: false), mailbox: mailbox) }
    }

    /// Moves each message to `folder`, keeping its read flag unless `read` says otherwise.
    public func move(ids: [String], to folder: Folder, read: Bool? = nil, mailbox: String? = nil) async throws
        -> [VoicemailMessage]
    {
        try await each(ids) { try await self.update(id: $0, MessageUpdate(read: read, folder: folder), mailbox: mailbox) }
    }

    /// Deletes all or nothing: an unknown id fails the whole call (`.notFound`), so a retry is safe.
    @discardableResult
    public func delete(ids: [String], mailbox: String? = nil) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let call = APICall(
            method: "DELETE", path: APIPath.delete(ids.map(Self.encodeID)), mailbox: effectiveMailbox(mailbox),
            resource: ids.count == 1 ? "message \(ids[0])" : "one of the messages \(ids.joined(separator: ", "))")
        return try decode(DeleteResult.self, from: try await send(call), expected: "the deleted ids").deleted
    }

    /// Copies a message into each target mailbox's INBOX; all or nothing.
    public func forward(id: String, to extensions: [String], mailbox: String? = nil) async throws -> [ForwardedCopy] {
        guard !extensions.isEmpty, extensions.allSatisfy(Extensions.isValid) else {
            throw VoicemailError.badRequest(reason: "forward targets must be extensions (digits), e.g. 102*103")
        }
        var call = APICall(
            method: "POST", path: APIPath.forward(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox),
            resource: "message \(id) or extension \(extensions.joined(separator: "*"))")
        call.body = .data(try JSONEncoder().encode(ForwardRequest(to: extensions)), contentType: "application/json")
        return try decode(ForwardResult.self, from: try await send(call), expected: "the forwarded copies").forwarded
    }

    /// Leaves a message in `mailbox` as a caller would (used by tests, the demo and scripts).
    public func deposit(
        mailbox: String, audioFile: URL, callerName: String? = nil, callerNumber: String, urgent: Bool = false,
        transcription: String? = nil, progress: ProgressHandler? = nil
    ) async throws -> VoicemailMessage {
        var parameters = [("mailbox", mailbox), ("callerNumber", callerNumber)]
        if let callerName { parameters.append(("callerName", callerName)) }
        if urgent { parameters.append(("urgent", "1")) }
        if let transcription { parameters.append(("transcription", transcription)) }
        let type = try AudioSniffer.contentType(of: audioFile)
        var call = APICall(
            method: "POST", path: APIPath.voiceMail, query: parameters, body: .file(audioFile, contentType: type),
            mailbox: mailbox, resource: "mailbox \(mailbox)", isAudioTransfer: true, progress: progress,
            progressIsUpload: true)
        call.sink = .memory(limit: Self.jsonLimit)
        return try decode(VoicemailMessage.self, from: try await send(call), expected: "the new message")
    }

    /// The mailboxes the caller may open, own first.
    public func mailboxes() async throws -> [MailboxSummary] {
        switch try await mailboxes(ifNoneMatch: nil) {
        case .modified(let list, _): return list
        case .notModified: throw VoicemailError.unexpectedStatus(status: 304, reason: "Not Modified without If-None-Match")
        }
    }

    public func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> {
        var call = APICall(path: APIPath.mailboxes, resource: "the mailbox list")
        if let etag { call.headers.append("If-None-Match: \(etag)") }
        switch try await conditional(call, expected: "a list of mailboxes", as: Page<MailboxSummary>.self) {
        case .notModified: return .notModified
        case .modified(let page, let etag): return .modified(page.records, etag: etag)
        }
    }

    /// Logs in (session credentials) and says who we are; for bearer and basic credentials it
    /// checks them with the smallest list call and answers nil (those carry no account info).
    @discardableResult
    public func login() async throws -> AccountInfo? {
        if case .session = configuration.credentials {
            let (cookie, account) = try await performLogin()
            await session.store(cookie)
            return account
        }
        _ = try await listMessages(MessageQuery(mailbox: nil, folder: .inbox, count: 1))
        return nil
    }

    // MARK: Helpers

    func conditional<T: Codable & Sendable>(_ call: APICall, expected: String, as type: T.Type) async throws
        -> Conditional<T>
    {
        let response = try await send(call)
        if response.status == 304 { return .notModified }
        return .modified(try decode(T.self, from: response, expected: expected), etag: response.header("etag"))
    }

    private func each(_ ids: [String], _ body: (String) async throws -> VoicemailMessage) async throws
        -> [VoicemailMessage]
    {
        var results: [VoicemailMessage] = []
        for id in ids { results.append(try await body(id)) }
        return results
    }
}
