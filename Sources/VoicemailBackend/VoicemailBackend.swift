import FoundationEssentials
import VoicemailModel

/// Everything vmtui does with a PBX. The screen, the CLI and the audio code use only this;
/// none of them knows which backend answers (HTTP API, Asterisk spool, …).
///
/// Conventions shared by every implementation:
/// - `mailbox` nil means the caller's own mailbox.
/// - Every call throws `VoicemailError`; an action the backend lacks throws
///   `.unsupported(capability)` before anything is sent or written.
/// - A change that succeeded returns what changed as the backend now has it (re-read when the
///   backend's answer does not say).
public protocol VoicemailBackend: Sendable {
    /// What this backend can do. Learned once per session by read-only means and cached;
    /// never by trying a write.
    func capabilities() async throws -> BackendCapabilities

    /// Who the credentials belong to (nil when the backend cannot tell).
    func whoAmI() async throws -> AccountInfo?

    /// Per-folder counts of the mailboxes the user may open (`.mailboxList`).
    func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]>

    /// One page of a folder (or of every folder when `query.folder` is nil).
    func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws
        -> Conditional<Page<VoicemailMessage>>

    func message(id: String, mailbox: String?) async throws -> VoicemailMessage

    func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage]
    func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage]
    func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage]
    /// The ids that are gone afterwards.
    func delete(ids: [String], mailbox: String?) async throws -> [String]
    func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy]

    /// Streams a message's audio into `file` (never whole in memory), checked against the
    /// message before it is kept: another message's audio is refused. `atomically` writes a
    /// temporary sibling and renames it on success; otherwise `file` grows as bytes arrive
    /// (a player may follow it) and is removed on failure.
    @discardableResult
    func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult

    func greetings(mailbox: String?) async throws -> [GreetingInfo]
    /// `.notFound` when the PBX default is in use.
    @discardableResult
    func downloadGreeting(
        _ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult
    func uploadGreeting(
        _ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?
    ) async throws -> GreetingInfo
    func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo
    /// Records `source`'s audio again as `destination` (`.greetingCopy`); `.notFound` when
    /// `source` is the PBX default. Answers the destination as it now is.
    func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo

    /// Remembers a PIN typed this session for `mailbox` (nil forgets it).
    func setPIN(_ pin: String?, forMailbox mailbox: String)

    /// The PIN a call on `mailbox` would send now (typed this session, else configured).
    func pin(forMailbox mailbox: String) -> String?
}

extension VoicemailBackend {
    /// Every message of a folder, paging through the backend; `limit` stops early.
    public func allMessages(
        mailbox: String?, folder: Folder?, pageSize: Int = 1000, limit: Int? = nil
    ) async throws -> (messages: [VoicemailMessage], total: Int) {
        try await allMessages(MessageQuery(mailbox: mailbox, folder: folder, start: 0, count: pageSize), limit: limit)
    }

    /// Every message matching `query` (its sort and search kept), `query.count` per page from
    /// `query.start`; `limit` stops early. `total` is what the backend says matches.
    public func allMessages(_ query: MessageQuery, limit: Int? = nil) async throws
        -> (messages: [VoicemailMessage], total: Int)
    {
        var query = query
        let pageSize = max(1, query.count)
        var messages: [VoicemailMessage] = []
        var total = 0
        repeat {
            if let limit { query.count = min(pageSize, limit - messages.count) }
            guard case .modified(let page, _) = try await listMessages(query, ifNoneMatch: nil) else { break }
            total = page.total
            messages += page.records
            query.start += page.records.count
            if page.records.isEmpty { break }
        } while query.start < total && (limit.map { messages.count < $0 } ?? true)
        if let limit, messages.count > limit { messages.removeLast(messages.count - limit) }
        return (messages, total)
    }
}
