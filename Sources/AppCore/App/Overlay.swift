/// What lies over the mailbox. One order, read by key input, the mouse, rendering and the
/// footer alike: the topmost overlay takes the keys, draws last and names the footer's keys.
public enum Overlay: Equatable, Sendable {
    /// A question in the status line (move, delete, forward, filter, PIN, paths…).
    case prompt
    /// The mailbox picker (`o`).
    case picker
    /// The overview of every mailbox (`O`); it replaces the panes.
    case overview
    /// The key help (`?`).
    case help
    /// The greetings screen (`G`); it replaces the panes rather than covering them.
    case greetings
}

extension AppState {
    /// The open overlays, topmost first.
    public var overlays: [Overlay] {
        var stack: [Overlay] = []
        if prompt != nil { stack.append(.prompt) }
        if sharing.picker != nil { stack.append(.picker) }
        if showHelp { stack.append(.help) }
        if overview != nil { stack.append(.overview) }
        if audio.greetings != nil { stack.append(.greetings) }
        return stack
    }

    public var topOverlay: Overlay? { overlays.first }
}
