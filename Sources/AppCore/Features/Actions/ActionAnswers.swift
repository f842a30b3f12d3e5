import DisplayText
import VoicemailModel

/// Answers to the actions: apply what the server confirmed, keep counts in step, and ask for
/// a refresh whenever the local picture may be out of date.
extension App {
    static func messagesUpdated(
        _ state: inout AppState, _ id: RequestID, _ result: Result<[VoicemailMessage], AppError>
    ) -> [Effect] {
        guard case .actions(.update(let kind, let originals))? = state.pending.removeValue(forKey: id) else { return [] }
        switch result {
        case .success(let updated):
            let before = Dictionary(originals.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            for message in updated {
                if let old = before[message.id] { adjustCounts(&state, removing: old) }
                adjustCounts(&state, adding: message)
            }
            applyToList(&state, updated)
            state.tagged.subtract(updated.map(\.id))
            let what = Plural.messages(updated.count)
            switch kind {
            case .markRead: state.status = .success("Marked \(what) read")
            case .markUnread: state.status = .success("Marked \(what) unread")
            case .move(let folder): state.status = .success("Moved \(what) to \(folder.displayName)")
            }
            return confirm(&state)
        case .failure(let error):
            let verb: String
            switch kind {
            case .markRead: verb = "Could not mark read"
            case .markUnread: verb = "Could not mark unread"
            case .move(let folder): verb = "Could not move to \(folder.displayName)"
            }
            return failed(&state, error, verb: verb, count: originals.count, partialPossible: originals.count > 1)
        }
    }

    static func messagesDeleted(
        _ state: inout AppState, _ id: RequestID, _ result: Result<[String], AppError>
    ) -> [Effect] {
        guard case .actions(.delete(let originals))? = state.pending.removeValue(forKey: id) else { return [] }
        switch result {
        case .success(let deleted):
            let gone = Set(deleted)
            for message in originals where gone.contains(message.id) {
                adjustCounts(&state, removing: message)
            }
            state.removeMessages(gone)
            keepSelectionVisible(&state)
            state.status = .success("Deleted \(Plural.messages(gone.count))")
            // The player must not go on playing a message that no longer exists.
            let playingGone = state.audio.playback?.target.messageID.map(gone.contains) ?? false
            return (playingGone ? [.playback(.stop)] : []) + confirm(&state)
        case .failure(let error):
            // The server deletes all or nothing, so nothing was lost or half done.
            return failed(&state, error, verb: "Could not delete", count: originals.count, partialPossible: false)
        }
    }

    static func messagesForwarded(
        _ state: inout AppState, _ id: RequestID, _ result: Result<[ForwardedCopy], AppError>
    ) -> [Effect] {
        guard case .actions(.forward(let ids, let targets))? = state.pending.removeValue(forKey: id) else { return [] }
        switch result {
        case .success:
            let who = targets.joined(separator: ", ")
            state.status = .success(
                ids.count == 1 ? "Forwarded to \(who)" : "Forwarded \(Plural.messages(ids.count)) to \(who)")
            // A copy to oneself lands in New.
            if let mailbox = state.mailbox, targets.contains(mailbox) { return refreshQuietly(&state) }
            return []
        case .failure(let error):
            switch error.kind {
            case .noSuchExtension:
                state.status = .error("Could not forward: \(TerminalSafe.line(error.message))")
            case .notFound:
                // Deleted elsewhere: say so and show the list as it is now, as r/m/d do.
                state.status = .info(
                    ids.count == 1
                        ? "That message was already deleted; list refreshed"
                        : "Some of those messages were already gone; list refreshed")
                return refreshQuietly(&state)
            default:
                state.status = .error(describe(error, doing: "Could not forward"))
            }
            return ids.count > 1 ? refreshQuietly(&state) : []
        }
    }

    // MARK: Helpers

    private static func failed(
        _ state: inout AppState, _ error: AppError, verb: String, count: Int, partialPossible: Bool
    ) -> [Effect] {
        if error.kind == .notFound {
            state.status = .info(
                count == 1
                    ? "That message was already deleted; list refreshed"
                    : "Some of those messages were already gone; list refreshed")
            return refreshQuietly(&state)
        }
        state.status = .error(describe(error, doing: count == 1 ? verb : "\(verb) \(Plural.messages(count))"))
        // Per-message requests may have half succeeded: look again, keeping the error line.
        return partialPossible ? refreshQuietly(&state) : []
    }

    /// After a success: counts are confirmed by the server, and a folder load that was
    /// already under way (and may predate the change) is sent again.
    static func confirm(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if state.folderRequest != nil {
            let status = state.status
            effects.append(loadFolder(&state, state.folder, revalidate: !state.isLoading))
            if !state.isLoading { state.status = status }
        }
        if state.mailboxesUnsupported {
            if !state.isLoading { state.folderCounts[state.folder] = countOfLoadedList(state) }
        } else {
            effects.append(loadMailboxes(&state))
        }
        return effects
    }

    /// Refresh without replacing the status line that explains why.
    static func refreshQuietly(_ state: inout AppState) -> [Effect] {
        let status = state.status
        let effects = refresh(&state)
        if !state.isLoading { state.status = status }
        return effects
    }

    /// Messages the server changed: gone from this folder, changed in it, or newly in it.
    private static func applyToList(_ state: inout AppState, _ updated: [VoicemailMessage]) {
        let here = Set(state.messages.map(\.id))
        let left = Set(updated.filter { $0.folder != state.folder }.map(\.id))
        state.removeMessages(left)
        state.updateMessages(updated.filter { $0.folder == state.folder && here.contains($0.id) })
        let arrived = updated.filter { $0.folder == state.folder && !here.contains($0.id) }
        if !arrived.isEmpty, !state.isLoading { state.replaceMessages(state.messages + arrived) }
        keepSelectionVisible(&state)
    }

    private static func adjustCounts(_ state: inout AppState, removing message: VoicemailMessage) {
        var count = state.count(of: message.folder)
        count.total = max(0, count.total - 1)
        if !message.read { count.unread = max(0, count.unread - 1) }
        state.folderCounts[message.folder] = count
    }

    private static func adjustCounts(_ state: inout AppState, adding message: VoicemailMessage) {
        var count = state.count(of: message.folder)
        count.total += 1
        if !message.read { count.unread += 1 }
        state.folderCounts[message.folder] = count
    }
}
