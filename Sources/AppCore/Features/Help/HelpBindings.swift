enum HelpBindings {
    static let all: [Binding] = [
        Binding(.help, keys: [.character("?"), .function(1)], help: "Show or hide this help", footer: [FooterHint("help", in: [.list, .folders, .greetings], group: .first)],
                onGreetingsScreen: App.openHelp, perform: App.openHelp),
    ]
}

extension App {
    @Sendable static func openHelp(_ state: inout AppState) -> [Effect] {
        state.present(.help(scroll: 0))
        return []
    }
}
