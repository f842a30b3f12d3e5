/// Keys while the help overlay is open.
extension App {
    /// Help: Esc, ? (or whatever help is bound to) and q close; movement keys scroll.
    static func handleHelpKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let action = state.config.keyBindings.action(for: key)
        switch action {
        case .down?: state.helpScroll += 1
        case .up?: state.helpScroll = max(0, state.helpScroll - 1)
        case .pageDown?: state.helpScroll += 10
        case .pageUp?: state.helpScroll = max(0, state.helpScroll - 10)
        case .redraw?: return [.redraw]
        default:
            if OverlayKeys.cancel.matches(key) || OverlayKeys.submit.matches(key) || action == .help || action == .quit {
                state.dismiss(.help)
            }
        }
        return []
    }
}
