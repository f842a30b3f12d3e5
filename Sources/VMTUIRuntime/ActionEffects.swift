import AppCore
import VoicemailClient
import VoicemailModel

/// The actions on messages (Features/Actions in AppCore), against the backend.
extension ClientEffectRunner {
    /// Messages per backend call when many change at once (`A`, `T` then `d`): each part is still
    /// one bulk call where the backend has one, and between parts the status line counts.
    static let actionPart = 100

    func run(_ effect: ActionsEffect) async -> ActionsEvent {
        switch effect {
        case .update(let id, let mailbox, let ids, let kind):
            .messagesUpdated(
                id,
                await attempt(kind.doing) {
                    try await inParts(id, ids) { try await update($0, kind, mailbox: Self.mailbox(mailbox)) }
                })
        case .delete(let id, let mailbox, let ids):
            .messagesDeleted(
                id,
                await attempt("delete") {
                    try await inParts(id, ids) { try await client.delete(ids: $0, mailbox: Self.mailbox(mailbox)) }
                })
        case .forward(let id, let mailbox, let ids, let targets):
            .messagesForwarded(
                id, await attempt("forward") {
                    var copies: [ForwardedCopy] = []
                    for (index, messageID) in ids.enumerated() {
                        copies += try await client.forward(id: messageID, to: targets, mailbox: Self.mailbox(mailbox))
                        if ids.count > 1, index + 1 < ids.count {
                            outbox.post(.actions(.progress(id, done: index + 1, total: ids.count)))
                        }
                    }
                    return copies
                })
        }
    }

    /// `change` over `ids` a part at a time, the answers joined; progress after each part but
    /// the last (a set that fits one part is one call, as before).
    private func inParts<Answer>(
        _ id: RequestID, _ ids: [String], _ change: ([String]) async throws -> [Answer]
    ) async throws -> [Answer] {
        var answers: [Answer] = []
        var start = 0
        repeat {
            let end = min(ids.count, start + Self.actionPart)
            answers += try await change(Array(ids[start..<end]))
            start = end
            if start < ids.count { outbox.post(.actions(.progress(id, done: start, total: ids.count))) }
        } while start < ids.count
        return answers
    }

    private func update(_ ids: [String], _ kind: UpdateKind, mailbox: String?) async throws -> [VoicemailMessage] {
        switch kind {
        case .markRead: try await client.markRead(ids: ids, mailbox: mailbox)
        case .markUnread: try await client.markUnread(ids: ids, mailbox: mailbox)
        case .move(let folder): try await client.move(ids: ids, to: folder, mailbox: mailbox)
        }
    }
}

extension UpdateKind {
    /// For the log: what was being done.
    var doing: String {
        switch self {
        case .markRead: "mark read"
        case .markUnread: "mark unread"
        case .move: "move"
        }
    }
}
