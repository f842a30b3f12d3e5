import FoundationEssentials
import VoicemailBackend
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
        call.revealsAPI = true
        if let etag { call.headers.append("If-None-Match: \(etag)") }
        switch try await conditional(call, expected: "a page of messages", as: Page<LocatedMessage>.self) {
        case .notModified: return .notModified
        case .modified(let page, let etag):
            audioLocations.learn(page.records)
            return .modified(Page(total: page.total, records: page.records.map(\.message)), etag: etag)
        }
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

    /// One message by id; 404 (`.notFound`) when it is gone. A server without the one-message
    /// call (the documented Wildix calls only) is asked for its list instead.
    public func message(id: String, mailbox: String? = nil) async throws -> VoicemailMessage {
        guard try await learnedAPI().hasExtensions else { return try await findInList(id: id, mailbox: mailbox) }
        let call = APICall(path: APIPath.message(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox), resource: "message \(id)")
        let record = try decode(LocatedMessage.self, from: try await send(call), expected: "a message")
        audioLocations.learn([record])
        return record.message
    }

    /// Looks a message up in the mailbox's list (every folder), page by page.
    func findInList(id: String, mailbox: String?) async throws -> VoicemailMessage {
        var query = MessageQuery(mailbox: mailbox, folder: nil, start: 0, count: 1000)
        while true {
            let page = try await listMessages(query)
            if let found = page.records.first(where: { $0.id == id }) { return found }
            query.start += page.records.count
            if page.records.isEmpty || query.start >= page.total {
                throw VoicemailError.notFound(what: "message \(id)", reason: "not in the mailbox's list")
            }
        }
    }

    /// Leaves a message in `mailbox` as a caller would (used by tests, the demo and scripts).
    public func deposit(
        mailbox: String, audioFile: URL, callerName: String? = nil, callerNumber: String, urgent: Bool = false,
        transcription: String? = nil, progress: ProgressHandler? = nil
    ) async throws -> VoicemailMessage {
        try await require(.deposit)
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
        try await require(.mailboxList)
        var call = APICall(path: APIPath.mailboxes, resource: "the mailbox list")
        if let etag { call.headers.append("If-None-Match: \(etag)") }
        switch try await conditional(call, expected: "a list of mailboxes", as: Page<MailboxSummary>.self) {
        case .notModified: return .notModified
        case .modified(let page, let etag): return .modified(page.records, etag: etag)
        }
    }

    // MARK: Helpers

    func conditional<T: Codable & Sendable>(_ call: APICall, expected: String, as type: T.Type) async throws
        -> Conditional<T>
    {
        let response = try await send(call)
        if response.status == 304 { return .notModified }
        return .modified(try decode(T.self, from: response, expected: expected), etag: response.header("etag"))
    }
}
