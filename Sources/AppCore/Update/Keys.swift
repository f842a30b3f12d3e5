import VoicemailModel

/// Keys and mouse: the topmost overlay takes them, else the mailbox's key map.
extension App {
    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .control("c") { return [.quit] }
        // A screen too small to show anything shows no prompt either: only quit may act, so
        // no key can confirm or type into something the user cannot see.
        if Layout(size: state.size, detailsToggled: state.detailsToggled).tooSmall {
            return state.config.keyBindings.action(for: key) == .quit ? [.quit] : []
        }
        switch state.topOverlay {
        case .prompt?: return handlePromptKey(&state, key)
        case .picker?: return handlePickerKey(&state, key)
        case .help?: return handleHelpKey(&state, key)
        case .greetings?: return handleGreetingsKey(&state, key)
        case nil: break
        }
        // While something plays, the playback keys (← → s n N) lie over the mailbox's.
        let contexts: [KeyContext] = state.audio.playback != nil ? [.playback, .mailbox] : [.mailbox]
        guard let action = state.config.keyBindings.action(for: key, in: contexts) else {
            if key == .escape { return escape(&state) }
            return []
        }
        return perform(&state, action)
    }

    /// Esc outside prompts undoes the most visible thing: a save under way, the filter,
    /// then the tags.
    private static func escape(_ state: inout AppState) -> [Effect] {
        if let cancelled = cancelSave(&state) { return cancelled }
        if !state.filter.isEmpty {
            state.setFilter("")
            keepSelectionVisible(&state)
        } else if !state.tagged.isEmpty {
            state.tagged = []
        }
        if case .error = state.status { state.status = .none }
        return []
    }

    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        if let refusal = refusal(state, action) {
            state.status = .error(refusal)
            return []
        }
        let rows = pageRows(state)
        let inFolders = state.focus == .folders
        switch action {
        case .down:
            if inFolders { return stepFolder(&state, by: 1) }
            moveSelection(&state, to: state.selection + 1)
        case .up:
            if inFolders { return stepFolder(&state, by: -1) }
            moveSelection(&state, to: state.selection - 1)
        case .top:
            if inFolders { return switchFolder(&state, to: .inbox) }
            moveSelection(&state, to: 0)
        case .bottom:
            if inFolders { return switchFolder(&state, to: state.shownFolders.last ?? .friends) }
            moveSelection(&state, to: state.visibleCount - 1)
        case .pageDown:
            state.scroll += rows
            moveSelection(&state, to: state.selection + rows)
        case .pageUp:
            state.scroll -= rows
            moveSelection(&state, to: state.selection - rows)
        case .switchPane:
            state.focus = inFolders ? .list : .folders
        case .focusFolders:
            state.focus = .folders
        case .focusList:
            state.focus = .list
        case .folderNew, .folderOld, .folderWork, .folderFamily, .folderFriends:
            return action.folder.map { switchFolder(&state, to: $0) } ?? []
        case .tag:
            guard let message = state.selectedMessage else { return [] }
            if state.tagged.remove(message.id) == nil { state.tagged.insert(message.id) }
            moveSelection(&state, to: state.selection + 1)
        case .play:
            return playSelected(&state)
        case .save:
            return startSave(&state)
        case .greetings:
            return openGreetings(&state)
        case .stop, .seekBack, .seekForward, .playNext, .playPrevious:
            return performPlaybackAction(&state, action)
        case .greetingUpload, .greetingRecord, .greetingReset, .closeGreetings:
            break
        case .filter:
            state.prompt = .filter(editor: LineEditor(state.filter))
        case .refresh:
            state.status = .busy(refreshingLine)
            return refresh(&state)
        case .redraw:
            return [.redraw]
        case .help:
            state.showHelp = true
            state.helpScroll = 0
        case .quit:
            return [.quit]
        case .openMailbox:
            return openPicker(&state)
        case .toggleDetails:
            state.detailsToggled.toggle()
            keepSelectionVisible(&state)
        case .detailsDown, .detailsUp:
            guard let id = state.selectedMessage?.id else { return [] }
            let current = state.detailsScroll?.messageID == id ? state.detailsScroll?.lines ?? 0 : 0
            let limit = DetailsView.maxTranscriptionScroll(state)
            state.detailsScroll = (id, max(0, min(limit, current + (action == .detailsDown ? 3 : -3))))
        default:
            // What is left are the actions on messages (Features/Actions).
            return startAction(&state, action)
        }
        return []
    }

    static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        guard !layout.tooSmall else { return [] }
        switch state.topOverlay {
        case .help?:
            switch mouse.action {
            case .wheelDown: state.helpScroll += 3
            case .wheelUp: state.helpScroll = max(0, state.helpScroll - 3)
            case .press: state.showHelp = false
            }
            return []
        case .prompt?, .picker?, .greetings?:
            return []
        case nil:
            break
        }
        switch mouse.action {
        case .wheelDown: scroll(&state, by: 3)
        case .wheelUp: scroll(&state, by: -3)
        case .press:
            if let folder = layout.folder(atX: mouse.x, y: mouse.y, in: state.shownFolders) {
                state.focus = .folders
                return switchFolder(&state, to: folder)
            }
            if let offset = layout.listRow(atX: mouse.x, y: mouse.y) {
                state.focus = .list
                let row = state.scroll + offset
                if row < state.visibleCount { moveSelection(&state, to: row) }
            }
        }
        return []
    }
}
