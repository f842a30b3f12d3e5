import VoicemailBackend
import VoicemailModel

/// A whole set changed under one lock per folder: the backend's own calls already take each
/// folder's lock once for every message of the set.
extension AsteriskSpoolBackend: BulkChangingBackend {
    public func changeInBulk(_ change: BulkChange, ids: [String], mailbox: String?, progress: BulkProgress?) async throws -> Int? {
        let done: Int
        switch change {
        case .markRead: done = try await markRead(ids: ids, mailbox: mailbox).count
        case .markUnread: done = try await markUnread(ids: ids, mailbox: mailbox).count
        case .move(let folder): done = try await move(ids: ids, to: folder, mailbox: mailbox).count
        case .delete: done = try await delete(ids: ids, mailbox: mailbox).count
        }
        progress?(ids.count, ids.count)
        return done
    }
}
