import VoicemailModel

/// Keys and mouse: the topmost overlay takes them, else the mailbox's key map.
extension App {
    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if OverlayKeys.quitAlways.matches(key) { return [.quit] }
        // A screen too small to show anything shows no prompt either: only quit may act, so
        // no key can confirm or type into something the user cannot see.
        if Layout(size: state.size, detailsToggled: state.detailsToggled).tooSmall {
            return state.config.keyBindings.action(for: key) == .quit ? [.quit] : []
        }
        switch state.topOverlay {
        case .prompt?: return handlePromptKey(&state, key)
        case .picker?: return handlePickerKey(&state, key)
        case .overview?: return handleOverviewKey(&state, key)
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

    /// The action's binding does it, once the backend is known to be able to.
    static func perform(_ state: inout AppState, _ action: Action) -> [Effect] {
        if let refusal = refusal(state, action) {
            state.status = .error(refusal)
            return []
        }
        return BindingTable.binding(for: action).perform(&state)
    }

    static func handleMouse(_ state: inout AppState, _ mouse: MouseEvent) -> [Effect] {
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        guard !layout.tooSmall else { return [] }
        switch state.topOverlay {
        case .help?:
            switch mouse.action {
            case .wheelDown: state.helpScroll += 3
            case .wheelUp: state.helpScroll = max(0, state.helpScroll - 3)
            case .press: state.dismiss(.help)
            }
            return []
        case .prompt?, .picker?, .overview?, .greetings?:
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
