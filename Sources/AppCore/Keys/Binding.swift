import VoicemailBackend

/// One key binding as a single value: everything the key map, the help overlay, the footer
/// and the README's key table say about an action comes from here, so they cannot drift.
public struct Binding: Sendable, Equatable {
    public var action: Action
    public var defaultKeys: [Key]
    /// Where the keys apply; keys may repeat across contexts.
    public var context: KeyContext
    /// The help overlay's line (and the README's).
    public var help: String
    /// The footer's word ("delete"); nil keeps the action out of the footer.
    public var footerHint: String?
    /// What the backend must be able to do; without it the action is hidden everywhere and,
    /// pressed anyway, answers the capability's one-line refusal.
    public var capability: BackendCapability?

    public init(
        _ action: Action, keys: [Key], context: KeyContext = .mailbox, help: String, footer: String? = nil,
        needs capability: BackendCapability? = nil
    ) {
        self.action = action
        self.defaultKeys = keys
        self.context = context
        self.help = help
        self.footerHint = footer
        self.capability = capability
    }
}
