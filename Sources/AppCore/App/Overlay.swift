/// What lies over the mailbox, in the one order: a kind listed earlier always lies over one
/// listed later. Key input, the mouse, rendering and the footer all read this order: the
/// topmost overlay takes the keys, draws last and names the footer's keys.
public enum Overlay: Int, Equatable, Sendable {
    /// A question in the status line (move, delete, forward, filter, PIN, paths…).
    case prompt
    /// The mailbox picker (`o`).
    case picker
    /// The key help (`?`).
    case help
    /// The overview of every mailbox (`O`); it replaces the panes.
    case overview
    /// The greetings screen (`G`); it replaces the panes rather than covering them.
    case greetings
}

/// An open overlay with its own state. `AppState.presented` holds them, so what an overlay
/// needs exists exactly while it is open.
public enum PresentedOverlay: Equatable, Sendable {
    case prompt(Prompt)
    case picker(MailboxPicker)
    /// `scroll`: lines of the help scrolled past.
    case help(scroll: Int)
    case overview(OverviewScreen)
    case greetings(GreetingsState)

    public var kind: Overlay {
        switch self {
        case .prompt: .prompt
        case .picker: .picker
        case .help: .help
        case .overview: .overview
        case .greetings: .greetings
        }
    }
}

extension AppState {
    /// The open overlays, topmost first.
    public var overlays: [Overlay] { presented.map(\.kind) }

    public var topOverlay: Overlay? { presented.first?.kind }

    /// Opens `overlay`, or replaces the open one of its kind in place. At most one of each
    /// kind is open, and a new one takes its place in the one order (a prompt over the
    /// picker, the help over the greetings screen…), so no impossible stack can arise.
    /// Opening and closing happen here and in `dismiss` only.
    public mutating func present(_ overlay: PresentedOverlay) {
        if let index = presented.firstIndex(where: { $0.kind == overlay.kind }) {
            presented[index] = overlay
        } else {
            let index = presented.firstIndex { $0.kind.rawValue > overlay.kind.rawValue } ?? presented.endIndex
            presented.insert(overlay, at: index)
        }
    }

    /// Closes the overlay of that kind, if open; the ones under it stay as they were.
    public mutating func dismiss(_ kind: Overlay) {
        presented.removeAll { $0.kind == kind }
    }

    // Each overlay's state, read and changed in place. Setting nil closes it; setting a value
    // opens it (`present`).

    public var prompt: Prompt? {
        get {
            for case .prompt(let prompt) in presented { return prompt }
            return nil
        }
        set { if let newValue { present(.prompt(newValue)) } else { dismiss(.prompt) } }
    }

    /// The mailbox picker (`o`), while open.
    public var picker: MailboxPicker? {
        get {
            for case .picker(let picker) in presented { return picker }
            return nil
        }
        set { if let newValue { present(.picker(newValue)) } else { dismiss(.picker) } }
    }

    public var showHelp: Bool { overlays.contains(.help) }

    /// Lines of the help scrolled past; changing it while the help is closed does nothing.
    public var helpScroll: Int {
        get {
            for case .help(let scroll) in presented { return scroll }
            return 0
        }
        set { if showHelp { present(.help(scroll: newValue)) } }
    }

    /// The support desk's overview (`O`), while open.
    public var overview: OverviewScreen? {
        get {
            for case .overview(let overview) in presented { return overview }
            return nil
        }
        set { if let newValue { present(.overview(newValue)) } else { dismiss(.overview) } }
    }

    /// The greetings screen (`G`), while open.
    public var greetings: GreetingsState? {
        get {
            for case .greetings(let greetings) in presented { return greetings }
            return nil
        }
        set { if let newValue { present(.greetings(newValue)) } else { dismiss(.greetings) } }
    }
}
