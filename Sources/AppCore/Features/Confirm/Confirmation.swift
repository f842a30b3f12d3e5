import VoicemailModel

/// A y/N question in the status line and what `y` does (gitui's ConfirmPopup, aerc's
/// `:choose`). Every confirmation goes through this one prompt, so they answer the same keys
/// and say the same things.
public struct Confirmation: Equatable, Sendable {
    /// The question without its `[y/N]`, which the prompt adds.
    public var question: String
    /// The footer's word for `y` ("delete").
    public var yesWord: String
    /// The status line after any other key ("Not deleted").
    public var declined: String
    public var then: ConfirmedAction

    public init(_ question: String, yes yesWord: String, declined: String, then: ConfirmedAction) {
        self.question = question
        self.yesWord = yesWord
        self.declined = declined
        self.then = then
    }
}

/// What a confirmation runs on `y`. Resolved against the state of that moment (messages may
/// have gone while the question was open), so it names what to do, not a ready effect.
public enum ConfirmedAction: Equatable, Sendable {
    case delete(ids: [String])
    /// Read, unread or a move of these messages (a move in someone else's mailbox, say).
    case update(UpdateKind, ids: [String])
    case resetGreeting(GreetingType)
    /// Copying a greeting over one that is recorded.
    case copyGreeting(from: GreetingType, to: GreetingType)
}

extension Prompt {
    /// The open y/N question, if that is what the prompt is.
    public var confirmation: Confirmation? {
        if case .confirm(let confirmation) = self { confirmation } else { nil }
    }
}
