import VoicemailModel

/// The actions' questions in the status line.
public enum ActionsPrompt: Equatable, Sendable {
    case move(ids: [String], editor: LineEditor)
    case delete(ids: [String])
    case forward(ids: [String], editor: LineEditor)
    /// A move in someone else's mailbox, confirmed naming the owner.
    case confirmMove(ids: [String], to: Folder)

    public var editor: LineEditor? {
        switch self {
        case .move(_, let e), .forward(_, let e): e
        case .delete, .confirmMove: nil
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
