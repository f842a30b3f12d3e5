import AppCore
import VoicemailClient
import VoicemailModel

/// The actions on messages (Features/Actions in AppCore), against the backend.
extension ClientEffectRunner {
    func run(_ effect: ActionsEffect) async -> ActionsEvent {
        switch effect {
        case .markRead(let id, let mailbox, let ids):
            .messagesUpdated(
                id, await attempt("mark read") { try await client.markRead(ids: ids, mailbox: Self.mailbox(mailbox)) })
        case .markUnread(let id, let mailbox, let ids):
            .messagesUpdated(
                id, await attempt("mark unread") { try await client.markUnread(ids: ids, mailbox: Self.mailbox(mailbox)) })
        case .move(let id, let mailbox, let ids, let folder):
            .messagesUpdated(
                id, await attempt("move") { try await client.move(ids: ids, to: folder, mailbox: Self.mailbox(mailbox)) })
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
}
