import AppCore
import VoicemailClient
import VoicemailModel

/// The message list's loads (Features/List in AppCore): the mailbox summary, folders paged to
/// their end, and the new-message hook.
extension ClientEffectRunner {
    func run(_ effect: ListEffect) async -> ListEvent? {
        switch effect {
        case .loadMailboxes(let id):
            return .mailboxesLoaded(id, await attempt("mailboxes") { try await mailboxesCache.load(client) })
        case .loadFolder(let id, let mailbox, let folder, let etag):
            return .folderLoaded(
                id, await attempt("folder \(folder.rawValue)") {
                    try await loadFolder(id: id, mailbox: Self.mailbox(mailbox), folder: folder, etag: etag)
                })
        case .announceNewMessage(let notice):
            return await announce(notice)
        }
    }

    /// The first page asks with the ETag; a changed folder is then read to its end. When more
    /// pages follow, the first one is posted at once (`firstPage`) so the screen shows rows
    /// while the rest arrives. New also shows Urgent's messages on a backend that has that
    /// folder: both lists are fetched side by side, and the capability probe runs beside them.
    func loadFolder(id: RequestID? = nil, mailbox: String?, folder: Folder, etag: String?) async throws -> FolderLoad {
        let outbox = self.outbox
        // Only a folder load's own request takes a first page (opening a mailbox waits for all).
        var onFirstPage: (@Sendable ([VoicemailMessage], Int) -> Void)?
        if let id {
            onFirstPage = { messages, total in
                outbox.post(.list(.folderLoaded(id, .success(.firstPage(messages: messages, total: total)))))
            }
        }
        guard folder == .inbox else {
            return try await loadOneFolder(mailbox: mailbox, folder: folder, etag: etag, onFirstPage: onFirstPage)
        }
        // New is INBOX and Urgent together, as the phone shows them (every Asterisk-based PBX
        // keeps urgent new messages in Urgent). Both lists are fetched side by side, each with
        // its own ETag, joined in the one token the screen keeps, so an idle refresh is still
        // two 304s. A PBX that will not list Urgent just has none.
        let tags = NewFolderTag(etag)
        async let urgentLoad = try? loadOneFolder(mailbox: mailbox, folder: .urgent, etag: tags.urgent, onFirstPage: nil)
        var inboxLoad = try await loadOneFolder(mailbox: mailbox, folder: .inbox, etag: tags.inbox, onFirstPage: onFirstPage)
        var urgent = await urgentLoad
        let urgentUnchanged = urgent == nil || urgent == .notModified
        if inboxLoad == .notModified, urgentUnchanged { return .notModified }
        // One of the two changed: the other is read whole, so the list is complete.
        if inboxLoad == .notModified {
            inboxLoad = try await loadOneFolder(mailbox: mailbox, folder: .inbox, etag: nil, onFirstPage: nil)
        }
        if urgent == .notModified {
            urgent = try? await loadOneFolder(mailbox: mailbox, folder: .urgent, etag: nil, onFirstPage: nil)
        }
        guard case .loaded(let inbox, let inboxTag) = inboxLoad else { return inboxLoad }
        var urgentMessages: [VoicemailMessage] = []
        var urgentTag: String?
        if case .loaded(let messages, let tag)? = urgent {
            // Only what really is in Urgent (a server that ignores the folder filter sends INBOX).
            let inboxIDs = Set(inbox.map(\.id))
            urgentMessages = messages.filter { $0.folder == .urgent && !inboxIDs.contains($0.id) }
            urgentTag = tag
        }
        return .loaded(messages: inbox + urgentMessages, etag: NewFolderTag.join(inbox: inboxTag, urgent: urgentTag))
    }

    private func loadOneFolder(
        mailbox: String?, folder: Folder, etag: String?,
        onFirstPage: (@Sendable ([VoicemailMessage], Int) -> Void)?
    ) async throws -> FolderLoad {
        var query = MessageQuery(mailbox: mailbox, folder: folder, start: 0, count: Self.pageSize)
        guard case .modified(let first, let newTag) = try await client.listMessages(query, ifNoneMatch: etag) else {
            return .notModified
        }
        var messages = first.records
        if !first.records.isEmpty, messages.count < first.total { onFirstPage?(messages, first.total) }
        while !first.records.isEmpty, messages.count < first.total {
            query.start = messages.count
            guard let page = try await client.listMessages(query, ifNoneMatch: nil).value, !page.records.isEmpty else { break }
            messages += page.records
        }
        return .loaded(messages: messages, etag: newTag)
    }

    /// Small enough that the first page is on screen quickly, large enough that a big folder
    /// needs few round trips.
    static let pageSize = 500
}
