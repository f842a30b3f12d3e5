import VoicemailBackend

/// What a key does: changes the state and asks for effects.
public typealias KeyHandler = @Sendable (inout AppState) -> [Effect]

/// One key binding as a single value (lazygit's `Binding{Handler, Description,
/// GetDisabledReason}`): the key map, the help overlay, the footer, the README's key table and
/// the dispatch all come from here, so they cannot drift, and a binding without a handler does
/// not compile.
public struct Binding: Sendable {
    public var action: Action
    public var defaultKeys: [Key]
    /// Where the keys apply; keys may repeat across contexts.
    public var context: KeyContext
    /// The help overlay's line (and the README's).
    public var help: String
    /// Its footer entries (Keys/FooterHint.swift): none keeps the action out of the footer.
    public var footer: [FooterHint]
    /// What the backend must be able to do; without it the action is hidden everywhere and,
    /// pressed anyway, answers the capability's one-line refusal.
    public var capability: BackendCapability?
    /// What the key does where its context is in force.
    let perform: KeyHandler
    /// What a mailbox or playback key does on the greetings screen, which lists greetings, not
    /// messages; nil: nothing there.
    let onGreetingsScreen: KeyHandler?

    public init(
        _ action: Action, keys: [Key], context: KeyContext = .mailbox, help: String, footer: [FooterHint] = [],
        needs capability: BackendCapability? = nil, onGreetingsScreen: KeyHandler? = nil,
        perform: @escaping KeyHandler
    ) {
        self.action = action
        self.defaultKeys = keys
        self.context = context
        self.help = help
        self.footer = footer
        self.capability = capability
        self.perform = perform
        self.onGreetingsScreen = onGreetingsScreen
    }
}
