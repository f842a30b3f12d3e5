/// A footer built from the binding table: each binding's hints for that footer, by group and
/// then in the table's order, with the keys as the user has them; nothing for an action the
/// backend cannot do. Adding a binding with a footer hint needs no change here.
enum FooterHints {
    static func hints(_ state: AppState, in place: FooterPlace) -> [(String, String)] {
        let label = state.config.keyBindings.label
        let playing = isPlaying(state, in: place)
        var entries: [(group: FooterGroup, order: Int, hint: (String, String))] = []
        for (order, binding) in BindingTable.all.enumerated() where state.offers(binding.action) {
            for hint in binding.footer where hint.places(in: binding.context).contains(place) {
                let group = hint.group(in: binding.context)
                guard group != .playing || playing, let word = hint.word(state) else { continue }
                let keys = hint.other.map { label(binding.action) + hint.separator + label($0) } ?? label(binding.action)
                entries.append((group, order, (keys, word)))
            }
        }
        return entries.sorted { ($0.group, $0.order) < ($1.group, $1.order) }.map(\.hint)
    }

    /// The playback keys show in the list while anything plays, on the greetings screen
    /// while a greeting plays.
    private static func isPlaying(_ state: AppState, in place: FooterPlace) -> Bool {
        switch place {
        case .list: state.audio.playback != nil
        case .greetings: state.audio.playback?.target.greetingType != nil
        case .folders: false
        }
    }
}
