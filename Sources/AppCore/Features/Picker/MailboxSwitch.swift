import DisplayText
import VoicemailModel

/// Opening another mailbox (picker, typed extension, `--mailbox`), the PIN it may need, and
/// falling back to the user's own mailbox when the PBX refuses. The mailbox on screen stays
/// exactly as it was until the new one has loaded.
extension App {
    /// Opens `ext`: the own mailbox directly, another one through `.openMailbox` (asking for
    /// the PIN first when the Mailboxes list says it needs one).
    static func requestMailbox(_ state: inout AppState, _ ext: String) -> [Effect] {
        if ext == state.mailbox || (state.isOwnMailbox && ext == ownExtension(state)) {
            state.status = .info("Already in mailbox \(mailboxLabel(state, ext))")
            return []
        }
        if ext == ownExtension(state) { return switchToOwnMailbox(&state) }
        if state.sharing.mailboxes.first(where: { $0.mailbox == ext })?.pinRequired == true {
            askForPIN(&state, ext)
            return []
        }
        return [startOpening(&state, ext, pin: nil)]
    }

    static func startOpening(_ state: inout AppState, _ ext: String, pin: MailboxPIN?) -> Effect {
        state.supersede(state.openingRequest)
        let id = state.makeRequestID()
        state.pending[id] = .opening(mailbox: ext)
        state.status = .busy("Opening mailbox \(mailboxLabel(state, ext))…")
        return .picker(.openMailbox(id, mailbox: ext, pin: pin))
    }

    static func askForPIN(_ state: inout AppState, _ ext: String) {
        state.prompt = .pin(mailbox: ext, editor: LineEditor())
        state.status = .none
    }

    /// Keys in the PIN prompt: Enter sends it, Esc gives up (staying where the user is).
    static func handlePINKey(_ state: inout AppState, _ ext: String, _ editor: LineEditor, _ key: Key) -> [Effect] {
        editLine(
            &state, key, editor,
            cancelled: "Not opened: mailbox \(mailboxLabel(state, ext)) needs its owner's PIN",
            reopen: { .pin(mailbox: ext, editor: $0) }
        ) { state, pin in
            guard !pin.isEmpty else {
                state.status = .error("Type the PIN (the first five characters of the owner's web password)")
                return []
            }
            state.prompt = nil
            return [startOpening(&state, ext, pin: MailboxPIN(pin))]
        }
    }

    static func mailboxOpened(
        _ state: inout AppState, _ id: RequestID, _ result: Result<FolderLoad, AppError>
    ) -> [Effect] {
        guard case .opening(let ext)? = state.pending.removeValue(forKey: id) else { return [] }
        switch result {
        case .success(let load):
            enterMailbox(&state, ext, load)
            return state.mailboxesUnsupported ? [] : [loadMailboxes(&state)]
        case .failure(let error):
            if error.kind == .pinRequired {
                askForPIN(&state, ext)
                return []
            }
            state.status = .error(refusal(state, ext, error) + "; still in " + whereUserIs(state))
            return []
        }
    }

    /// The open folder's load was refused for a mailbox that is not the user's own (the PBX
    /// changed its mind, or `--mailbox` named one the user may not open): back to the own
    /// mailbox with one line saying why, asking for the PIN when that is what is missing.
    static func leaveRefusedMailbox(_ state: inout AppState, _ error: AppError) -> [Effect]? {
        guard [.forbidden, .pinRequired, .pinWrong].contains(error.kind), !state.isOwnMailbox,
            let ext = state.mailbox
        else { return nil }
        let effects = switchToOwnMailbox(&state)
        if error.kind == .pinRequired {
            askForPIN(&state, ext)
        } else {
            state.status = .error(refusal(state, ext, error) + "; showing your own mailbox")
        }
        return effects
    }

    /// Shows the other mailbox whose New folder just loaded.
    static func enterMailbox(_ state: inout AppState, _ ext: String, _ load: FolderLoad) {
        state.supersede(state.folderRequest)
        stopInboxWatch(&state)
        let summary = state.sharing.mailboxes.first(where: { $0.mailbox == ext })
        state.mailbox = ext
        state.mailboxName = summary?.name
        state.isOwnMailbox = summary?.own ?? (ext == state.config.user)
        state.folder = .inbox
        state.prompt = nil
        state.setFilter("")
        state.clearMessages()
        state.isLoading = false
        if case .loaded(let messages, let etag) = load {
            state.replaceMessages(shownList(.inbox, messages))
            state.etag = etag
        } else {
            state.etag = nil
        }
        keepSelectionVisible(&state)
        // What is there when the mailbox opens is not news.
        state.sharing.seenMessages = Set(state.messages.map(\.id))
        state.sharing.hasInboxBaseline = true
        state.folderCounts = summary.map(countsOf) ?? [.inbox: countOfLoadedList(state)]
        state.lastRefresh = state.now
        state.status = .success("Opened mailbox \(mailboxLabel(state, ext))" + (state.isOwnMailbox ? "" : " — shared"))
    }

    /// Back to the user's own mailbox, New folder.
    static func switchToOwnMailbox(_ state: inout AppState) -> [Effect] {
        state.supersede(state.openingRequest)
        stopInboxWatch(&state)
        let own = state.sharing.mailboxes.first(where: \.own)
        state.mailbox = own?.mailbox ?? state.config.user
        state.mailboxName = own?.name ?? state.config.userName
        state.isOwnMailbox = true
        state.folderCounts = own.map(countsOf) ?? [:]
        state.sharing.seenMessages = []
        state.sharing.hasInboxBaseline = false
        state.prompt = nil
        state.setFilter("")
        let load = loadFolder(&state, .inbox, revalidate: false)
        return [load]
    }

    static func countsOf(_ summary: MailboxSummary) -> [Folder: FolderCount] {
        var counts: [Folder: FolderCount] = [:]
        for count in summary.folders { counts[count.folder] = count }
        if summary.folders.isEmpty {
            counts[.inbox] = FolderCount(folder: .inbox, total: summary.newCount, unread: summary.newCount)
        }
        return counts
    }

    static func ownExtension(_ state: AppState) -> String? {
        state.sharing.mailboxes.first(where: \.own)?.mailbox ?? state.config.user
    }

    /// "102 Bob Nguyen" when the name is known, else "102".
    static func mailboxLabel(_ state: AppState, _ ext: String) -> String {
        let name = state.sharing.mailboxes.first(where: { $0.mailbox == ext })?.name
            ?? (ext == state.mailbox ? state.mailboxName : nil)
        guard let name = name.map(TerminalSafe.line), !name.isEmpty else { return ext }
        return "\(ext) \(name)"
    }

    /// "your mailbox" or "mailbox 102 Bob Nguyen": where the user still is after a refusal.
    static func whereUserIs(_ state: AppState) -> String {
        if state.isOwnMailbox { return "your mailbox" }
        return "mailbox " + (state.mailbox.map { mailboxLabel(state, $0) } ?? "")
    }

    private static func refusal(_ state: AppState, _ ext: String, _ error: AppError) -> String {
        let label = mailboxLabel(state, ext)
        switch error.kind {
        case .pinWrong: return "Wrong PIN for mailbox \(label)"
        case .pinRequired: return "Mailbox \(label) needs its owner's PIN"
        case .forbidden: return "You may not open mailbox \(label) (permission denied)"
        case .notFound: return "No mailbox \(label)"
        default: return describe(error, doing: "Could not open mailbox \(label)")
        }
    }

    /// "Bob Nguyen's mailbox (102)" for confirmations in someone else's mailbox; nil in one's own.
    static func ownerPhrase(_ state: AppState) -> String? {
        guard !state.isOwnMailbox, let ext = state.mailbox else { return nil }
        let name = (state.mailboxName ?? state.sharing.mailboxes.first(where: { $0.mailbox == ext })?.name)
            .map(TerminalSafe.line) ?? ""
        return name.isEmpty ? "mailbox \(ext)" : "\(name)'s mailbox (\(ext))"
    }
}
