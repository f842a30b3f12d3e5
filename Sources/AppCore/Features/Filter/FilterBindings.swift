enum FilterBindings {
    static let all: [Binding] = [
        Binding(.filter, keys: [.character("/")], help: "Filter by caller or text", footer: "filter"),
    ]
}
