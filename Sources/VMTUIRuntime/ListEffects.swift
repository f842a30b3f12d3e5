import AppCore
import VoicemailBackend
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

    /// A folder as `FolderListing` reads it (New is INBOX and Urgent together, with one joined
    /// ETag). When more pages follow, the first one is posted at once (`firstPage`) so the
    /// screen shows rows while the rest arrives.
    func loadFolder(id: RequestID? = nil, mailbox: String?, folder: Folder, etag: String?) async throws -> FolderLoad {
        let outbox = self.outbox
        // Only a folder load's own request takes a first page (opening a mailbox waits for all).
        var onFirstPage: (@Sendable (Page<VoicemailMessage>) -> Void)?
        if let id {
            onFirstPage = { page in
                outbox.post(.list(.folderLoaded(id, .success(.firstPage(messages: page.records, total: page.total)))))
            }
        }
        let query = MessageQuery(mailbox: mailbox, folder: folder, start: 0, count: Self.pageSize)
        switch try await FolderListing(client).read(query, ifNoneMatch: etag, onFirstPage: onFirstPage) {
        case .notModified: return .notModified
        case .modified(let page, let tag): return .loaded(messages: page.records, etag: tag)
        }
    }

    /// Small enough that the first page is on screen quickly, large enough that a big folder
    /// needs few round trips.
    static let pageSize = 500
}
