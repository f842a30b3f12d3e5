/// The footer a hint shows in: the message list's, the folder pane's, the greetings screen's.
public enum FooterPlace: Sendable, Hashable, CaseIterable {
    case list, folders, greetings
}

/// Where in its footer a hint goes: the groups in this order, and within a group the binding
/// table's order (`Action`'s). The first group survives the narrowest footer.
public enum FooterGroup: Int, Sendable, Comparable {
    /// Help, quit, back.
    case first
    /// Play and details, before anything else the list offers.
    case lead
    /// The playback keys, shown only while something plays there.
    case playing
    case main
    case last

    public static func < (a: FooterGroup, b: FooterGroup) -> Bool { a.rawValue < b.rawValue }
}

/// One footer entry of a binding (Bubble Tea's `KeyMap.ShortHelp`): its word, the footers it
/// shows in and its group there. A string literal is the plain case: that word, in the
/// footer of the binding's context (a mailbox key in the list's, a greetings key on the
/// greetings screen, a playback key in both while something plays).
public struct FooterHint: Sendable, ExpressibleByStringLiteral {
    /// nil: from the binding's context.
    let places: Set<FooterPlace>?
    /// nil: from the binding's context.
    let group: FooterGroup?
    /// A second action whose key joins this one's ("j/k"), and what joins them.
    let other: Action?
    let separator: String
    /// The word for this moment; nil leaves the hint out ("play" only while nothing plays).
    let word: @Sendable (AppState) -> String?

    public init(
        in places: Set<FooterPlace>? = nil, group: FooterGroup? = nil, with other: Action? = nil,
        separator: String = "/", word: @escaping @Sendable (AppState) -> String?
    ) {
        self.places = places
        self.group = group
        self.other = other
        self.separator = separator
        self.word = word
    }

    public init(
        _ word: String, in places: Set<FooterPlace>? = nil, group: FooterGroup? = nil, with other: Action? = nil,
        separator: String = "/"
    ) {
        self.init(in: places, group: group, with: other, separator: separator) { _ in word }
    }

    public init(stringLiteral word: String) { self.init(word) }

    func places(in context: KeyContext) -> Set<FooterPlace> {
        if let places { return places }
        return switch context {
        case .mailbox: [.list]
        case .greetings: [.greetings]
        case .playback: [.list, .greetings]
        }
    }

    func group(in context: KeyContext) -> FooterGroup {
        group ?? (context == .playback ? .playing : .main)
    }
}
