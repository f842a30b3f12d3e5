import DisplayText

/// The status line (outcome, progress or an open prompt) and the footer of keys.
enum StatusView {
    /// Returns where the terminal cursor belongs when a prompt is open.
    static func draw(_ grid: inout CellGrid, _ state: AppState, _ layout: Layout) -> CursorPosition? {
        let status = layout.status
        var cursor: CursorPosition?
        if let prompt = state.prompt {
            // The PIN prompt names the mailbox asked for; the others the one being viewed.
            let owner: String? = if case .pin(let mailbox, _) = prompt { App.mailboxLabel(state, mailbox) }
                else { App.ownerPhrase(state) }
            cursor = drawPrompt(&grid, prompt, status, owner: owner)
        } else if !PlaybackStatus.drawPlaybackInStatus(&grid, state, layout) {
            let style = statusStyle(state.status)
            grid.fill(x: status.x, y: status.y, width: status.width, height: 1, style: style)
            let text = PlaybackStatus.transferText(state, width: status.width - 2) ?? state.status.text
            if !text.isEmpty {
                grid.put(" " + DisplayWidth.truncate(text, to: status.width - 2), x: status.x, y: status.y, style: style)
            }
        }
        let footer = layout.footer
        // A prompt's validation error goes below it, so the prompt and its text stay put.
        if let note = PlaybackStatus.promptNote(state) {
            grid.fill(x: footer.x, y: footer.y, width: footer.width, height: 1, style: .status)
            grid.put(" " + DisplayWidth.truncate(note, to: footer.width - 2), x: footer.x, y: footer.y, style: .status)
        } else if state.prompt != nil, case .error(let message) = state.status {
            grid.fill(x: footer.x, y: footer.y, width: footer.width, height: 1, style: .statusError)
            grid.put(" " + DisplayWidth.truncate(message, to: footer.width - 2), x: footer.x, y: footer.y,
                     style: .statusError)
        } else {
            drawHints(&grid, hints(state), footer)
        }
        return cursor
    }

    static func statusStyle(_ status: StatusLine) -> StyleRole {
        switch status {
        case .none, .info: .status
        case .busy: .statusBusy
        case .success: .statusSuccess
        case .error: .statusError
        }
    }

    private static func drawPrompt(
        _ grid: inout CellGrid, _ prompt: Prompt, _ rect: Rect, owner: String?
    ) -> CursorPosition? {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .prompt)
        let label = " " + label(prompt, owner: owner)
        let labelWidth = DisplayWidth.of(label)
        grid.put(label, x: rect.x, y: rect.y, style: .prompt)
        guard let editor = prompt.editor else {
            return CursorPosition(x: min(rect.x + labelWidth, rect.width - 1), y: rect.y)
        }
        // Long input scrolls so the cursor stays in view.
        let room = max(1, rect.width - labelWidth - 1)
        // A PIN never shows: one bullet per character typed.
        let masked: Bool = if case .pin = prompt { true } else { false }
        var text = masked ? Array(repeating: Character("•"), count: editor.characters.count) : editor.characters
        var cursorColumn = masked ? editor.cursor : editor.cursorColumn
        var start = 0
        while cursorColumn >= room, start < text.count {
            cursorColumn -= DisplayWidth.of(text[start])
            start += 1
        }
        text = Array(text[start...])
        grid.put(String(text), x: rect.x + labelWidth, y: rect.y, style: .prompt, maxWidth: room)
        return CursorPosition(x: rect.x + labelWidth + cursorColumn, y: rect.y)
    }

    /// `owner` ("Bob Nguyen's mailbox (102)") when the mailbox is someone else's.
    static func label(_ prompt: Prompt, owner: String? = nil) -> String {
        return switch prompt {
        case .actions(let prompt): App.actionPromptLabel(prompt, owner: owner)
        case .confirm(let confirmation): App.confirmLabel(confirmation)
        case .pin(let mailbox, _): "PIN for mailbox \(owner ?? TerminalSafe.line(mailbox)): "
        case .filter: "Filter: "
        case .export(let prompt): App.exportPromptLabel(prompt)
        case .saveAudio: PlaybackStatus.saveLabel
        case .uploadGreeting(let type, _): GreetingsStatus.uploadLabel(type)
        case .copyGreeting(let source, let targets, _): App.greetingCopyLabel(source, onto: targets)
        }
    }

    /// The keys that matter in the current context, as (key, what it does).
    static func hints(_ state: AppState) -> [(String, String)] {
        let label = state.config.keyBindings.label
        switch state.topOverlay {
        case .help?: return OverlayKeys.help(scroll: "\(label(.down))/\(label(.up))")
        case .picker?: return OverlayKeys.picker
        case .overview?: return OverlayKeys.overview
        case .greetings?: return GreetingsStatus.hints(state)
        case .prompt?: return promptHints(state)
        case nil: return FooterHints.hints(state, in: state.focus == .folders ? .folders : .list)
        }
    }

    private static func promptHints(_ state: AppState) -> [(String, String)] {
        if let confirmation = state.prompt?.confirmation { return App.confirmHints(confirmation) }
        switch state.prompt {
        case .saveAudio?: return OverlayKeys.path(submitting: "save")
        case .uploadGreeting?: return OverlayKeys.path(submitting: "upload")
        case .pin?: return OverlayKeys.pin
        case .filter?: return OverlayKeys.filter
        default: return OverlayKeys.lineEdit
        }
    }

    /// Whole hints only: one that does not fit is left out rather than cut.
    private static func drawHints(_ grid: inout CellGrid, _ hints: [(String, String)], _ rect: Rect) {
        grid.fill(x: rect.x, y: rect.y, width: rect.width, height: 1, style: .footer)
        var x = rect.x + 1
        let end = rect.x + rect.width
        for (key, word) in hints {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(word)
            guard x + width <= end else { break }
            x = grid.put(key, x: x, y: rect.y, style: .footerKey)
            x = grid.put(" " + word, x: x, y: rect.y, style: .footer)
            x += 2
        }
    }
}
