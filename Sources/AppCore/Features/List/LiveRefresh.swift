import DisplayText
import VoicemailModel

/// Live updates: merging a refreshed list without disturbing the reader, watching New while
/// another folder is open, and announcing messages that arrive.
extension App {
    /// A refreshed list replaces the old one; the selection stays on its message, and when the
    /// user has scrolled, the message at the top of the view stays at the top.
    static func mergeRefreshedList(_ state: inout AppState, _ messages: [VoicemailMessage]) -> [Effect] {
        let topID = state.scroll > 0 && state.scroll < state.visibleCount
            ? state.visibleMessage(at: state.scroll).id : nil
        state.replaceMessages(messages)
        if let topID, let row = (0..<state.visibleCount).first(where: { state.visibleMessage(at: $0).id == topID }) {
            state.scroll = row
        }
        keepSelectionVisible(&state)
        return noticeArrivals(&state, in: state.folder, state.messages)
    }

    /// Also looks at New (conditionally: a 304 when nothing changed) while another folder is
    /// open, so arrivals are announced wherever the user is.
    static func watchInbox(_ state: inout AppState) -> [Effect] {
        guard state.folder != .inbox, state.inboxWatchRequest == nil else { return [] }
        let id = state.makeRequestID()
        state.pending[id] = .inboxWatch
        return [.list(.loadFolder(id, mailbox: state.mailbox, folder: .inbox, etag: state.sharing.inboxWatchETag))]
    }

    static func stopInboxWatch(_ state: inout AppState) {
        state.supersede(state.inboxWatchRequest)
        state.sharing.inboxWatchETag = nil
    }

    /// The answer to a watch of New; nil when `id` is not one.
    static func inboxWatched(_ state: inout AppState, _ id: RequestID, _ result: Result<FolderLoad, AppError>)
        -> [Effect]?
    {
        guard case .inboxWatch? = state.pending[id] else { return nil }
        state.pending[id] = nil
        // Failures stay quiet: the open folder's own refresh reports what is wrong.
        guard case .success(.loaded(let messages, let etag)) = result else { return [] }
        state.sharing.inboxWatchETag = etag
        return noticeArrivals(&state, in: .inbox, messages)
    }

    /// Records what `folder` holds; unread messages new in New (after the first look) are
    /// announced: one status line, the bell if wanted, and one hook run per message.
    static func noticeArrivals(_ state: inout AppState, in folder: Folder, _ messages: [VoicemailMessage])
        -> [Effect]
    {
        // Only the arrivals are collected: a first list of 10,000 makes no copy of them all.
        var arrivals: [VoicemailMessage] = []
        let watching = folder == .inbox && state.sharing.hasInboxBaseline
        for message in messages {
            let unseen = state.sharing.seenMessages.insert(message.id).inserted
            if unseen, watching, message.folder == .inbox, !message.read,
                !state.sharing.announced.contains(message.id)
            {
                arrivals.append(message)
            }
        }
        guard folder == .inbox else { return [] }
        guard state.sharing.hasInboxBaseline else {
            state.sharing.hasInboxBaseline = true
            return []
        }
        arrivals.sort(by: AppState.listsBefore)
        guard let latest = arrivals.first, let mailbox = state.mailbox ?? ownExtension(state) else { return [] }
        state.sharing.announced.formUnion(arrivals.map(\.id))
        let caller = CallerText(latest)
        let who = caller.isUnknown ? "an unknown caller" : caller.full
        state.status = .info(
            arrivals.count == 1
                ? "New message from \(who)"
                : "\(arrivals.count) new messages, the latest from \(who)")
        var effects: [Effect] = state.config.bell ? [.bell] : []
        for message in arrivals.reversed() {
            effects.append(.list(.announceNewMessage(NewMessageNotice(
                mailbox: mailbox, messageID: message.id, callerName: message.callerName,
                callerNumber: message.callerNumber))))
        }
        return effects
    }

    static func notificationFailed(_ state: inout AppState, _ message: String) -> [Effect] {
        state.status = .error("New-message hook: " + TerminalSafe.line(message))
        return []
    }

    /// The terminal's title: "vmtui — 3 unread", naming the mailbox when it is someone else's.
    public static func terminalTitle(_ state: AppState) -> String {
        var title = "vmtui"
        if !state.isOwnMailbox, let ext = state.mailbox {
            title += " — \(String(ext.filter { $0.isASCII && $0.isNumber })) shared"
        }
        guard !state.folderCounts.isEmpty else { return title }
        let unread = state.totalUnread
        return title + (unread == 0 ? " — no unread" : " — \(unread) unread")
    }
}
