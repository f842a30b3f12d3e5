import VoicemailModel

/// The actions' line prompts (their y/N questions are `Confirmation`s).
public enum ActionsPrompt: Equatable, Sendable {
    case move(ids: [String], editor: LineEditor)
    case forward(ids: [String], editor: LineEditor)

    public var editor: LineEditor {
        switch self {
        case .move(_, let e), .forward(_, let e): e
        }
    }
}

/// The actions that work on the tagged or selected messages: `App.perform` names each one, so
/// a new `Action` that is bound but not handled does not compile.
public enum MessageAction: Sendable {
    case markRead, markUnread, move, delete, forward

    var action: Action {
        switch self {
        case .markRead: .markRead
        case .markUnread: .markUnread
        case .move: .move
        case .delete: .delete
        case .forward: .forward
        }
    }
}

/// An action sent and not yet answered, with what its answer needs.
public enum ActionsPending: Equatable, Sendable {
    /// `originals` are the messages as they were, to adjust folder counts on success.
    case update(UpdateKind, originals: [VoicemailMessage])
    case delete(originals: [VoicemailMessage])
    case forward(ids: [String], to: [String])
}

public enum UpdateKind: Equatable, Sendable {
    case markRead, markUnread
    case move(Folder)
}
