import DisplayText
import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// Loads of the mailbox summary and of the open folder, and their answers.
extension App {
    static func loadMailboxes(_ state: inout AppState) -> Effect {
        state.supersede(state.mailboxesRequest)
        let id = state.makeRequestID()
        state.pending[id] = .mailboxes
        return .list(.loadMailboxes(id))
    }

    /// Loads `folder`. `revalidate` keeps the list on screen and sends the ETag (refresh);
    /// otherwise the list is emptied and "Loading …" shown (folder switch).
    static func loadFolder(_ state: inout AppState, _ folder: Folder, revalidate: Bool) -> Effect {
        state.supersede(state.folderRequest)
        let id = state.makeRequestID()
        state.pending[id] = .folder(folder)
        if !revalidate || folder != state.folder {
            state.folder = folder
            state.clearMessages()
            state.etag = nil
            state.isLoading = true
            state.expectedTotal = nil
            state.loadFailure = nil
            // A key meant for the folder being left does not act on the next one.
            state.deferredAction = nil
            state.status = .busy("Loading \(folder.displayName)…")
        }
        return .list(.loadFolder(id, mailbox: state.mailbox, folder: folder, etag: revalidate ? state.etag : nil))
    }

    static let refreshingLine = "Refreshing…"

    /// R, auto refresh, and the confirmation after an action: the folder (revalidated) and counts.
    static func refresh(_ state: inout AppState) -> [Effect] {
        state.lastRefresh = state.now
        // After a failed load the list is empty for a reason: a retry shows "Loading…" again.
        var effects = [loadFolder(&state, state.folder, revalidate: !state.isLoading && state.loadFailure == nil)]
        if !state.mailboxesUnsupported { effects.append(loadMailboxes(&state)) }
        effects += watchInbox(&state)
        return effects
    }

    static func handleTick(_ state: inout AppState, _ date: Date) -> [Effect] {
        state.now = date
        guard let interval = state.config.autoRefreshSeconds, interval > 0,
            date.timeIntervalSince(state.lastRefresh) >= Double(interval),
            // Only loads hold it back: a long playback or transfer must not stop live updates.
            state.folderRequest == nil, state.mailboxesRequest == nil, state.openingRequest == nil,
            state.prompt == nil
        else { return [] }
        return refresh(&state)
    }

    static func mailboxesLoaded(
        _ state: inout AppState, _ id: RequestID, _ result: Result<[MailboxSummary], AppError>
    ) -> [Effect] {
        guard state.pending.removeValue(forKey: id) == .mailboxes else { return [] }
        switch result {
        case .success(let summaries):
            state.sharing.mailboxes = summaries
            if state.picker != nil { keepPickerSelectionVisible(&state) }
            // The mailbox on screen; one opened by extension may be missing from the list.
            let wanted = state.mailbox
            guard let summary = summaries.first(where: { $0.mailbox == wanted })
                ?? (wanted == nil ? summaries.first(where: \.own) ?? summaries.first : nil)
            else { return [] }
            state.mailbox = summary.mailbox
            state.mailboxName = summary.name
            state.isOwnMailbox = summary.own
            var counts: [Folder: FolderCount] = [:]
            for count in summary.folders { counts[count.folder] = count }
            // A server that sends no per-folder counts still tells how many are new.
            if summary.folders.isEmpty {
                counts[.inbox] = FolderCount(folder: .inbox, total: summary.newCount, unread: summary.newCount)
            }
            state.folderCounts = counts
        case .failure(let error) where error.kind == .notFound:
            // No Mailboxes call on this server (a real PBX): count from the folders loaded.
            state.mailboxesUnsupported = true
            if !state.isLoading { state.folderCounts[state.folder] = countOfLoadedList(state) }
        case .failure(let error):
            state.status = .error(describe(error, doing: "Could not load the mailbox summary"))
        }
        return []
    }

    /// The open folder's counts as the loaded list shows them.
    static func countOfLoadedList(_ state: AppState) -> FolderCount {
        FolderCount(
            folder: state.folder, total: state.messages.count,
            unread: state.messages.reduce(0) { $0 + ($1.read ? 0 : 1) })
    }

    static func folderLoaded(
        _ state: inout AppState, _ id: RequestID, _ result: Result<FolderLoad, AppError>
    ) -> [Effect] {
        // Answers for a folder the user has left, or superseded by a newer load, are stale.
        if let effects = inboxWatched(&state, id, result) { return effects }
        guard case .folder(let folder)? = state.pending[id] else { return [] }
        if case .success(.firstPage(let messages, let total)) = result {
            return firstPageLoaded(&state, folder, messages, total: total)
        }
        state.pending[id] = nil
        state.expectedTotal = nil
        guard folder == state.folder else { return [] }
        let wasLoading = state.isLoading
        state.isLoading = false
        switch result {
        case .success(.loaded(let messages, let etag)):
            state.loadFailure = nil
            let shown = shownList(folder, messages)
            // R says how it went (news of arrivals, set below, says more); a folder switch or
            // an automatic refresh says nothing.
            if state.status == .busy(refreshingLine) {
                state.status = .success("Refreshed \(folder.displayName): \(Plural.messages(shown.count))")
            } else if case .busy = state.status {
                state.status = .none
            }
            var effects = mergeRefreshedList(&state, shown)
            if let action = state.deferredAction {
                state.deferredAction = nil
                effects += perform(&state, action)
            }
            state.etag = etag
            if state.mailboxesUnsupported || state.sharing.mailboxes.first(where: { $0.mailbox == state.mailbox }) == nil
                && !state.isOwnMailbox
            {
                state.folderCounts[folder] = countOfLoadedList(state)
            }
            return effects
        case .success(.firstPage):
            return []  // handled above; the request stays pending for the rest
        case .success(.notModified):
            if case .busy = state.status { state.status = wasLoading ? .none : .info("Up to date") }
            if let action = state.deferredAction {
                state.deferredAction = nil
                return perform(&state, action)
            }
        case .failure(let error):
            if let effects = leaveRefusedMailbox(&state, error) { return effects }
            state.loadFailure = error
            var line = describe(error, doing: "Could not load \(folder.displayName)")
            if let action = state.deferredAction {
                state.deferredAction = nil
                line += " (\(state.config.keyBindings.label(action)) not done)"
            }
            state.status = .error(line)
        }
        return []
    }

    /// The first page of a large folder being opened: its rows go on screen now (the request
    /// stays pending, so the rest replaces them when it arrives). A refresh keeps the full list
    /// it already shows instead.
    static func firstPageLoaded(
        _ state: inout AppState, _ folder: Folder, _ messages: [VoicemailMessage], total: Int
    ) -> [Effect] {
        guard folder == state.folder, state.isLoading else { return [] }
        state.isLoading = false
        state.loadFailure = nil
        state.expectedTotal = total
        state.replaceMessages(shownList(folder, messages))
        keepSelectionVisible(&state)
        state.status = .busy("Loading \(folder.displayName)… \(messages.count) of \(total)")
        return []
    }

    /// A key that needs a message, pressed while the folder loads: it acts when the messages
    /// arrive, and the status line says so meanwhile (never a key silently lost).
    static func deferUntilLoaded(_ state: inout AppState, _ action: Action) -> [Effect] {
        state.deferredAction = action
        state.status = .busy(
            "Loading \(state.folder.displayName)…; \(state.config.keyBindings.label(action)) acts when it is here")
        return []
    }

    /// The messages as the list of `folder` shows them: the backend's own array when nothing
    /// changes (the usual case), not a copy of every message.
    /// (What a folder shows is `FolderListing.shown`'s rule: New is INBOX and Urgent.)
    static func shownList(_ folder: Folder, _ messages: [VoicemailMessage]) -> [VoicemailMessage] {
        if messages.allSatisfy({ FolderListing.shown($0, in: folder) == $0 }) { return messages }
        return messages.compactMap { FolderListing.shown($0, in: folder) }
    }

    /// "Could not load Work: connection refused", with a hint for permission problems.
    static func describe(_ error: AppError, doing context: String) -> String {
        let message = TerminalSafe.line(error.message)
        switch error.kind {
        case .unauthorized: return "\(context): not signed in (\(message)); check your credentials"
        case .forbidden: return "\(context): permission denied (\(message))"
        default: return "\(context): \(message)"
        }
    }
}
