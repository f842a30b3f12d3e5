import DisplayText
import VoicemailModel

/// Starting the actions on messages (some through a prompt).
extension App {
    static func startAction(_ state: inout AppState, _ action: MessageAction) -> [Effect] {
        let targets = state.actionTargets
        guard !targets.isEmpty else {
            if state.isLoading { return deferUntilLoaded(&state, action.action) }
            state.status = .info("No message selected")
            return []
        }
        let ids = targets.map(\.id)
        switch action {
        case .markRead:
            let unread = targets.filter { !$0.read }
            guard !unread.isEmpty else {
                state.status = .info(targets.count == 1 ? "Already read" : "All already read")
                return []
            }
            return [startUpdate(&state, .markRead, unread)]
        case .markUnread:
            let read = targets.filter(\.read)
            guard !read.isEmpty else {
                state.status = .info(targets.count == 1 ? "Already unread" : "All already unread")
                return []
            }
            return [startUpdate(&state, .markUnread, read)]
        case .move:
            state.prompt = .actions(.move(ids: ids, editor: LineEditor()))
        case .delete:
            let what = Plural.messages(ids.count)
            let question = ownerPhrase(state).map { "Delete \(what) from \($0)?" } ?? "Delete \(what)?"
            confirm(&state, Confirmation(question, yes: "delete", declined: "Not deleted", then: .delete(ids: ids)))
        case .forward:
            state.prompt = .actions(.forward(ids: ids, editor: LineEditor()))
        }
        if case .error = state.status { state.status = .none }
        return []
    }

    static func startUpdate(
        _ state: inout AppState, _ kind: UpdateKind, _ targets: [VoicemailMessage]
    ) -> Effect {
        let id = state.makeRequestID()
        let ids = targets.map(\.id)
        state.pending[id] = .actions(.update(kind, originals: targets))
        let what = Plural.messages(targets.count)
        state.status = switch kind {
        case .markRead: .busy("Marking \(what) read…")
        case .markUnread: .busy("Marking \(what) unread…")
        case .move(let folder): .busy("Moving \(what) to \(folder.displayName)…")
        }
        return .actions(.update(id, mailbox: state.mailbox, ids: ids, kind))
    }

    /// "Deleting 200 of 1,000…": a change of many messages goes to the backend in parts, and
    /// the status line counts them while the rest waits (the word as the start said it).
    static func actionProgress(_ state: inout AppState, _ id: RequestID, done: Int, total: Int) -> [Effect] {
        guard case .actions(let pending)? = state.pending[id] else { return [] }
        let doing = switch pending {
        case .update(.markRead, _): "Marking read"
        case .update(.markUnread, _): "Marking unread"
        case .update(.move(let folder), _): "Moving to \(folder.displayName)"
        case .delete: "Deleting"
        case .forward: "Forwarding"
        }
        state.status = .busy("\(doing): \(done) of \(Plural.messages(total))…")
        return []
    }

    static func startDelete(_ state: inout AppState, _ ids: [String]) -> Effect {
        let id = state.makeRequestID()
        let wanted = Set(ids)
        let originals = state.messages.filter { wanted.contains($0.id) }
        state.pending[id] = .actions(.delete(originals: originals))
        state.status = .busy("Deleting \(Plural.messages(ids.count))…")
        return .actions(.delete(id, mailbox: state.mailbox, ids: ids))
    }

    static func startForward(_ state: inout AppState, _ ids: [String], to extensions: [String]) -> Effect {
        let id = state.makeRequestID()
        state.pending[id] = .actions(.forward(ids: ids, to: extensions))
        state.status = .busy("Forwarding \(Plural.messages(ids.count)) to \(extensions.joined(separator: ", "))…")
        return .actions(.forward(id, mailbox: state.mailbox, ids: ids, to: extensions))
    }

    /// Messages still in the list among `ids` (they may have gone since the prompt opened).
    static func present(_ state: AppState, _ ids: [String]) -> [VoicemailMessage] {
        let wanted = Set(ids)
        return state.messages.filter { wanted.contains($0.id) }
    }
}
