import DisplayText
import VoicemailBackend
import VoicemailModel

/// Tagging and the actions on messages.
enum ActionsBindings {
    static let all: [Binding] = [
        Binding(.tag, keys: [.character(" ")], help: "Tag or untag the message", footer: ["tag"]) { state in
            guard let message = state.selectedMessage else { return [] }
            if state.tagged.remove(message.id) == nil { state.tagged.insert(message.id) }
            App.moveSelection(&state, to: state.selection + 1)
            return []
        },
        Binding(.tagAll, keys: [.character("T")], help: "Tag all in view; again: untag all") { state in
            let shown = (0..<state.visibleCount).map { state.visibleMessage(at: $0).id }
            guard !shown.isEmpty else {
                state.status = .info("Nothing to tag")
                return []
            }
            // The filter decides what is in view; a second T gives the view back untagged.
            if shown.allSatisfy(state.tagged.contains) {
                state.tagged.subtract(shown)
                state.status = .info("Untagged \(Plural.messages(shown.count))")
            } else {
                state.tagged.formUnion(shown)
                state.status = .info("Tagged \(Plural.messages(shown.count))")
            }
            return []
        },
        Binding(.markRead, keys: [.character("r")], help: "Mark read", footer: ["read"]) {
            App.startAction(&$0, .markRead)
        },
        Binding(.markAllRead, keys: [.character("A")], help: "Mark every message of the folder read") { state in
            let unread = state.messages.filter { !$0.read }
            guard !unread.isEmpty else {
                state.status = .info(state.isLoading ? "Still loading \(state.folder.displayName)…" : "All already read")
                return []
            }
            let question = "Mark \(Plural.count(unread.count, "unread message")) in \(state.folder.displayName) read?"
            App.confirm(&state, Confirmation(
                question, yes: "mark read", declined: "Nothing marked", then: .update(.markRead, ids: unread.map(\.id))))
            return []
        },
        Binding(.markUnread, keys: [.character("u")], help: "Mark unread", footer: ["unread"], needs: .markUnread) {
            App.startAction(&$0, .markUnread)
        },
        Binding(.move, keys: [.character("m")], help: "Move to a folder", footer: ["move"], needs: .move) {
            App.startAction(&$0, .move)
        },
        Binding(.delete, keys: [.character("d"), .delete], help: "Delete", footer: ["delete"]) {
            App.startAction(&$0, .delete)
        },
        Binding(.forward, keys: [.character("f")], help: "Forward to extensions", footer: ["fwd"], needs: .forward) {
            App.startAction(&$0, .forward)
        },
    ]

}
