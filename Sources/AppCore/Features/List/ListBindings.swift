import VoicemailModel

/// Moving through the list and the folders, refreshing, redrawing, details.
enum ListBindings {
    static let all: [Binding] = [
        Binding(.down, keys: [.character("j"), .down], help: "Next message or folder", footer: [
                    FooterHint("select", with: .up), FooterHint("folder", in: [.folders], with: .up),
                    FooterHint("choose", in: [.greetings], with: .up),
                ],
                onGreetingsScreen: { App.moveGreeting(&$0, by: 1) }) { state in
            if state.focus == .folders { return App.stepFolder(&state, by: 1) }
            App.moveSelection(&state, to: state.selection + 1)
            return []
        },
        Binding(.up, keys: [.character("k"), .up], help: "Previous message or folder",
                onGreetingsScreen: { App.moveGreeting(&$0, by: -1) }) { state in
            if state.focus == .folders { return App.stepFolder(&state, by: -1) }
            App.moveSelection(&state, to: state.selection - 1)
            return []
        },
        Binding(.top, keys: [.character("g"), .home], help: "First message",
                onGreetingsScreen: { App.moveGreeting(&$0, to: 0) }) { state in
            if state.focus == .folders { return App.switchFolder(&state, to: .inbox) }
            App.moveSelection(&state, to: 0)
            return []
        },
        Binding(.bottom, keys: [.end], help: "Last message", onGreetingsScreen: { App.moveGreeting(&$0, to: .max) }) {
            state in
            if state.focus == .folders { return App.switchFolder(&state, to: state.shownFolders.last ?? .friends) }
            App.moveSelection(&state, to: state.visibleCount - 1)
            return []
        },
        Binding(.pageDown, keys: [.pageDown, .control("f")], help: "Page down",
                onGreetingsScreen: { App.moveGreeting(&$0, to: .max) }) { state in
            let rows = App.pageRows(state)
            state.scroll += rows
            App.moveSelection(&state, to: state.selection + rows)
            return []
        },
        Binding(.pageUp, keys: [.pageUp, .control("b")], help: "Page up",
                onGreetingsScreen: { App.moveGreeting(&$0, to: 0) }) { state in
            let rows = App.pageRows(state)
            state.scroll -= rows
            App.moveSelection(&state, to: state.selection - rows)
            return []
        },
        Binding(.switchPane, keys: [.tab, .backTab], help: "Switch between folders and list", footer: [FooterHint("list", in: [.folders])]) {
            $0.focus = $0.focus == .folders ? .list : .folders
            return []
        },
        Binding(.focusFolders, keys: [.character("h"), .left], help: "Go to the folder pane") {
            $0.focus = .folders
            return []
        },
        Binding(.focusList, keys: [.character("l"), .right], help: "Go to the message list") {
            $0.focus = .list
            return []
        },
        Binding(.folderNew, keys: [.character("0")], help: "Open New", footer: [
                    FooterHint("folder", group: .last, with: .folderFriends, separator: "-"),
                    FooterHint("jump", in: [.folders], with: .folderFriends, separator: "-"),
                ]) { App.switchFolder(&$0, to: .inbox) },
        Binding(.folderOld, keys: [.character("1")], help: "Open Old") { App.switchFolder(&$0, to: .old) },
        Binding(.folderWork, keys: [.character("2")], help: "Open Work") { App.switchFolder(&$0, to: .work) },
        Binding(.folderFamily, keys: [.character("3")], help: "Open Family") { App.switchFolder(&$0, to: .family) },
        Binding(.folderFriends, keys: [.character("4")], help: "Open Friends") { App.switchFolder(&$0, to: .friends) },
        Binding(.refresh, keys: [.character("R")], help: "Refresh from the server", footer: [FooterHint("refresh", in: [.folders])],
                onGreetingsScreen: App.reloadGreetings) { state in
            state.status = .busy(App.refreshingLine)
            return App.refresh(&state)
        },
        Binding(.redraw, keys: [.control("l")], help: "Redraw the screen", onGreetingsScreen: { _ in [.redraw] }) { _ in
            [.redraw]
        },
        Binding(.quit, keys: [.character("q")], help: "Quit", footer: [FooterHint("quit", in: [.list, .folders], group: .first)]) { _ in [.quit] },
        Binding(.toggleDetails, keys: [.character("i")], help: "Show or hide details",
                footer: [FooterHint(group: .lead, word: App.detailsFooterWord)]) { state in
            state.detailsToggled.toggle()
            App.keepSelectionVisible(&state)
            return []
        },
        Binding(.detailsDown, keys: [.character("J")], help: "Scroll a long transcription down") {
            App.scrollDetails(&$0, by: 3)
        },
        Binding(.detailsUp, keys: [.character("K")], help: "Scroll a long transcription up") {
            App.scrollDetails(&$0, by: -3)
        },
    ]
}

extension App {
    /// `i` is worth a footer place only where the layout hides the details or the list; it
    /// then names what it brings back.
    @Sendable static func detailsFooterWord(_ state: AppState) -> String? {
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        guard layout.details == nil || layout.list == nil else { return nil }
        return layout.list == nil ? "list" : "details"
    }
}
