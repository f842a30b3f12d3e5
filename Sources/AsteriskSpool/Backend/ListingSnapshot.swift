import Synchronization
import VoicemailBackend

/// The ordered messages of the last listing, kept for the pages that follow its first: a
/// folder listing asks page after page (500 at a time on the screen), and each later page is
/// cut from the order its first page was cut from (consistent pages, as a server's are), while
/// no folder of the mailbox changed and for at most `lifetime`. A first page always reads anew.
final class ListingSnapshots: Sendable {
    struct Snapshot: Sendable {
        /// The query without its page (start and count zero) and with its mailbox resolved.
        var query: MessageQuery
        var stamps: [FolderStamp]
        var made: ContinuousClock.Instant
        var ordered: [SpoolMessage]
    }

    static let lifetime: Duration = .seconds(2)

    private let last = Mutex<Snapshot?>(nil)

    static func key(_ query: MessageQuery, mailbox: String) -> MessageQuery {
        var key = query
        key.start = 0
        key.count = 0
        key.mailbox = mailbox
        return key
    }

    /// The kept order for a later page of the same listing, if still current.
    func later(_ key: MessageQuery, stamps: [FolderStamp]) -> [SpoolMessage]? {
        last.withLock { kept in
            guard let kept, kept.query == key, kept.stamps == stamps, ContinuousClock.now - kept.made < Self.lifetime else { return nil }
            return kept.ordered
        }
    }

    func keep(_ key: MessageQuery, stamps: [FolderStamp], ordered: [SpoolMessage]) {
        last.withLock { $0 = Snapshot(query: key, stamps: stamps, made: .now, ordered: ordered) }
    }

    /// After a change of our own.
    func forget() {
        last.withLock { $0 = nil }
    }
}
