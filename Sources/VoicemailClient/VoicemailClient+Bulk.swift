import VoicemailBackend
import VoicemailModel

/// The API's one bulk call: DELETE naming several ids, comma-separated (how Wildix deletes).
/// Marking and moving have none; they go one message at a time, a few in flight.
extension VoicemailClient: BulkChangingBackend {
    /// Ids per DELETE: keeps each URL well under the lengths proxies and servers accept.
    static let deleteBatch = 100

    public func changeInBulk(_ change: BulkChange, ids: [String], mailbox: String?, progress: BulkProgress?) async throws -> Int? {
        guard change == .delete else { return nil }
        var done = 0
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(ids.count, start + Self.deleteBatch)])
            done += try await delete(ids: batch, mailbox: mailbox).count
            start += batch.count
            progress?(start, ids.count)
        }
        return done
    }
}
