enum HelpBindings {
    static let all: [Binding] = [
        Binding(.help, keys: [.character("?"), .function(1)], help: "Show or hide this help", footer: "help"),
    ]
}
