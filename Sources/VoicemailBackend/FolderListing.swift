import VoicemailModel

/// A folder as people see it, read through any backend: New is INBOX and Asterisk's Urgent
/// together, as the phone menu shows it (every Asterisk-based PBX files urgent new messages in
/// Urgent, not INBOX). The screen and the CLI both list folders here, so they agree on what
/// New holds.
public struct FolderListing: Sendable {
    public let backend: any VoicemailBackend

    public init(_ backend: any VoicemailBackend) {
        self.backend = backend
    }

    /// `query`'s folder (its mailbox, sort and search kept) in the query's order, paged
    /// `query.count` at a time to its end or to `limit` messages. `etag` is the token an
    /// earlier answer carried: when nothing changed since, the answer is `.notModified`.
    /// `total` is how many there are, more than the records when `limit` cut the list short.
    /// When further pages follow the first, `onFirstPage` has it at once, so a big folder can
    /// be shown while the rest arrives (for New, INBOX's first page).
    public func read(
        _ query: MessageQuery, ifNoneMatch etag: String? = nil, limit: Int? = nil,
        onFirstPage: (@Sendable (Page<VoicemailMessage>) -> Void)? = nil
    ) async throws -> Conditional<Page<VoicemailMessage>> {
        guard query.folder == .inbox else {
            return try await readOne(query, ifNoneMatch: etag, limit: limit, onFirstPage: onFirstPage)
        }
        return try await readNew(query, ifNoneMatch: etag, limit: limit, onFirstPage: onFirstPage)
    }

    /// The message as the list of `folder` shows it, or nil when it belongs elsewhere: New
    /// also shows Urgent's messages, marked urgent (filed in Urgent is urgent, whatever its
    /// flag says). The one statement of that rule; the screen asks it too.
    public static func shown(_ message: VoicemailMessage, in folder: Folder) -> VoicemailMessage? {
        if message.folder == folder { return message }
        guard folder == .inbox, message.folder == .urgent else { return nil }
        var urgent = message
        urgent.urgent = true
        return urgent
    }

    /// The whole answer, for a caller that keeps no ETag (the CLI).
    public func messages(_ query: MessageQuery, limit: Int? = nil) async throws -> Page<VoicemailMessage> {
        try await read(query, limit: limit).value ?? Page(total: 0, records: [])
    }

    /// INBOX and Urgent are fetched side by side, each with its own ETag, joined in the one
    /// token the caller keeps, so an idle refresh is still two 304s. A PBX that will not list
    /// Urgent just has none.
    private func readNew(
        _ query: MessageQuery, ifNoneMatch etag: String?, limit: Int?,
        onFirstPage: (@Sendable (Page<VoicemailMessage>) -> Void)?
    ) async throws -> Conditional<Page<VoicemailMessage>> {
        var urgentQuery = query
        urgentQuery.folder = .urgent
        let tags = NewFolderTag(etag)
        async let urgentRead = try? readOne(urgentQuery, ifNoneMatch: tags.urgent, limit: limit, onFirstPage: nil)
        var inbox = try await readOne(query, ifNoneMatch: tags.inbox, limit: limit, onFirstPage: onFirstPage)
        var urgent = await urgentRead
        if inbox.value == nil, urgent.map({ $0.value == nil }) ?? true { return .notModified }
        // One of the two changed: the other is read whole, so the list is complete.
        if inbox.value == nil {
            inbox = try await readOne(query, ifNoneMatch: nil, limit: limit, onFirstPage: nil)
        }
        if let read = urgent, read.value == nil {
            urgent = try? await readOne(urgentQuery, ifNoneMatch: nil, limit: limit, onFirstPage: nil)
        }
        guard case .modified(let inboxPage, let inboxTag) = inbox else { return inbox }
        guard case .modified(let urgentPage, let urgentTag)? = urgent else {
            return .modified(inboxPage, etag: NewFolderTag.join(inbox: inboxTag, urgent: nil))
        }
        // Only what really is in Urgent: a server that ignores the folder filter sends INBOX
        // (or everything), and a message moving between the two reads must not show twice.
        let inboxIDs = Set(inboxPage.records.map(\.id))
        let urgentMessages = urgentPage.records.compactMap { message -> VoicemailMessage? in
            guard message.folder == .urgent, !inboxIDs.contains(message.id) else { return nil }
            return Self.shown(message, in: .inbox)
        }
        let urgentTotal = urgentMessages.count == urgentPage.records.count ? urgentPage.total : urgentMessages.count
        var records = query.merge(inboxPage.records, urgentMessages)
        if let limit, records.count > limit { records.removeLast(records.count - limit) }
        return .modified(
            Page(total: inboxPage.total + urgentTotal, records: records),
            etag: NewFolderTag.join(inbox: inboxTag, urgent: urgentTag))
    }

    /// One folder as the backend lists it: the first page asks with the ETag; a changed
    /// folder is then read to its end (or `limit`).
    private func readOne(
        _ query: MessageQuery, ifNoneMatch etag: String?, limit: Int?,
        onFirstPage: (@Sendable (Page<VoicemailMessage>) -> Void)?
    ) async throws -> Conditional<Page<VoicemailMessage>> {
        var query = query
        let start = query.start
        let pageSize = max(1, query.count)
        if let limit { query.count = min(pageSize, limit) }
        guard case .modified(let first, let tag) = try await backend.listMessages(query, ifNoneMatch: etag) else {
            return .notModified
        }
        var messages = first.records
        var total = first.total
        func moreWanted() -> Bool { messages.count < total && limit.map { messages.count < $0 } ?? true }
        if !first.records.isEmpty, moreWanted() { onFirstPage?(first) }
        while !first.records.isEmpty, moreWanted() {
            query.start = start + messages.count
            if let limit { query.count = min(pageSize, limit - messages.count) }
            guard let page = try await backend.listMessages(query, ifNoneMatch: nil).value, !page.records.isEmpty else {
                break
            }
            messages += page.records
            total = page.total
        }
        if let limit, messages.count > limit { messages.removeLast(messages.count - limit) }
        return .modified(Page(total: total, records: messages), etag: tag)
    }
}
