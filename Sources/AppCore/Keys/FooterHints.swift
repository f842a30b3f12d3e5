/// Footer entries built from the binding table: the key as the user has it, the binding's
/// word, and nothing at all for an action the backend cannot do.
struct FooterHints {
    let state: AppState

    /// `word` overrides the binding's footer word where the situation names it better
    /// ("folder" for ↓ in the folder pane); `with` joins a second action's key ("j/k").
    func hint(_ action: Action, _ word: String? = nil, with other: Action? = nil, separator: String = "/")
        -> (String, String)?
    {
        guard state.offers(action) else { return nil }
        let label = state.config.keyBindings.label
        let keys = other.map { label(action) + separator + label($0) } ?? label(action)
        guard let text = word ?? BindingTable.binding(for: action).footerHint else { return nil }
        return (keys, text)
    }

    func hints(_ items: [(String, String)?]) -> [(String, String)] { items.compactMap { $0 } }
}
