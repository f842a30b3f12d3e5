import AppCore
import VoicemailClient
import VoicemailModel

/// The actions on messages (Features/Actions in AppCore), against the backend.
extension ClientEffectRunner {
    func run(_ effect: ActionsEffect) async -> ActionsEvent {
        switch effect {
        case .update(let id, let mailbox, let ids, let kind):
            .messagesUpdated(id, await attempt(kind.doing) { try await update(ids, kind, mailbox: Self.mailbox(mailbox)) })
        case .delete(let id, let mailbox, let ids):
            .messagesDeleted(
                id, await attempt("delete") { try await client.delete(ids: ids, mailbox: Self.mailbox(mailbox)) })
        case .forward(let id, let mailbox, let ids, let targets):
            .messagesForwarded(
                id, await attempt("forward") {
                    var copies: [ForwardedCopy] = []
                    for messageID in ids {
                        copies += try await client.forward(id: messageID, to: targets, mailbox: Self.mailbox(mailbox))
                    }
                    return copies
                })
        }
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
