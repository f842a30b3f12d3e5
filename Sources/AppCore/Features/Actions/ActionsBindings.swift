/// Tagging and the actions on messages.
enum ActionsBindings {
    static let all: [Binding] = [
        Binding(.tag, keys: [.character(" ")], help: "Tag or untag the message", footer: "tag"),
        Binding(.markRead, keys: [.character("r")], help: "Mark read", footer: "read"),
        Binding(.markUnread, keys: [.character("u")], help: "Mark unread", footer: "unread", needs: .markUnread),
        Binding(.move, keys: [.character("m")], help: "Move to a folder", footer: "move", needs: .move),
        Binding(.delete, keys: [.character("d"), .delete], help: "Delete", footer: "delete"),
        Binding(.forward, keys: [.character("f")], help: "Forward to extensions", footer: "fwd", needs: .forward),
    ]

    /// In the mailbox footer, in this order.
    static let footer: [Action] = [.tag, .markRead, .markUnread, .move, .delete, .forward]
}
