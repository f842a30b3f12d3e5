import VoicemailModel

/// One change applied to a whole set of messages (a folder, a selection, a filter's result).
public enum BulkChange: Sendable, Equatable {
    case markRead
    case markUnread
    case move(Folder)
    case delete

    /// "Marking", "Moving", "Deleting": the start of a progress line.
    public var verb: String {
        switch self {
        case .markRead, .markUnread: "Marking"
        case .move: "Moving"
        case .delete: "Deleting"
        }
    }

    /// What follows the count: " read", " to Old", "".
    public var tail: String {
        switch self {
        case .markRead: " read"
        case .markUnread: " unread"
        case .move(let folder): " to \(folder.displayName)"
        case .delete: ""
        }
    }
}

/// How many messages of the set are done so far, and of how many.
public typealias BulkProgress = @Sendable (_ done: Int, _ total: Int) -> Void

/// Optional: a backend that changes a whole set in one call (or a few), instead of one call
/// per message. The spool takes one lock per folder for the set; the HTTP API deletes with
/// one DELETE naming every id. A backend adopts it for the changes where it has such a call.
public protocol BulkChangingBackend: VoicemailBackend {
    /// Applies `change` to every id with the backend's own bulk call; nil when it has none for
    /// this change (the caller then goes one message at a time). Answers how many changed.
    func changeInBulk(_ change: BulkChange, ids: [String], mailbox: String?, progress: BulkProgress?) async throws -> Int?
}

extension VoicemailBackend {
    /// Applies `change` to every id: the backend's bulk call where it has one, else one call
    /// per message with at most `inFlight` running at once. Answers how many changed; stops at
    /// the first failure (those already changed stay changed, as on the phone).
    public func change(
        _ change: BulkChange, ids: [String], mailbox: String?, inFlight: Int = 4, progress: BulkProgress? = nil
    ) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        if let bulk = self as? any BulkChangingBackend,
            let done = try await bulk.changeInBulk(change, ids: ids, mailbox: mailbox, progress: progress)
        {
            return done
        }
        return try await changeEach(change, ids: ids, mailbox: mailbox, inFlight: inFlight, progress: progress)
    }

    /// One call per message, a bounded number in flight (a PBX is not to be flooded).
    public func changeEach(
        _ change: BulkChange, ids: [String], mailbox: String?, inFlight: Int = 4, progress: BulkProgress? = nil
    ) async throws -> Int {
        let total = ids.count
        return try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            var done = 0
            func start() {
                let id = ids[next]
                next += 1
                group.addTask { try await self.applyOne(change, id: id, mailbox: mailbox) }
            }
            while next < min(max(1, inFlight), total) { start() }
            while try await group.next() != nil {
                done += 1
                progress?(done, total)
                if next < total { start() }
            }
            return done
        }
    }

    private func applyOne(_ change: BulkChange, id: String, mailbox: String?) async throws {
        switch change {
        case .markRead: _ = try await markRead(ids: [id], mailbox: mailbox)
        case .markUnread: _ = try await markUnread(ids: [id], mailbox: mailbox)
        case .move(let folder): _ = try await move(ids: [id], to: folder, mailbox: mailbox)
        case .delete: _ = try await delete(ids: [id], mailbox: mailbox)
        }
    }
}
