enum FilterBindings {
    static let all: [Binding] = [
        Binding(.filter, keys: [.character("/")], help: "Filter by caller or text", footer: ["filter"]) {
            $0.prompt = .filter(editor: LineEditor($0.filter))
            return []
        },
    ]
}
