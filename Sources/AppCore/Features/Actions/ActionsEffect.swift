import VoicemailModel

/// What the actions on messages ask the runtime to do. `mailbox` is the mailbox shown (nil: the
/// user's own). The runtime answers each with the `ActionsEvent` carrying the same id.
public enum ActionsEffect: Equatable, Sendable {
    /// Read, unread or a move → `.messagesUpdated`.
    case update(RequestID, mailbox: String?, ids: [String], UpdateKind)
    /// All or nothing → `.messagesDeleted`.
    case delete(RequestID, mailbox: String?, ids: [String])
    /// Each message to every extension → `.messagesForwarded`.
    case forward(RequestID, mailbox: String?, ids: [String], to: [String])

    public var requestID: RequestID {
        switch self {
        case .update(let id, _, _, _), .delete(let id, _, _), .forward(let id, _, _, _):
            id
        }
    }
}

/// The runtime's answers to `ActionsEffect`.
public enum ActionsEvent: Equatable, Sendable {
    /// mark read / unread / move: the messages as the backend now has them.
    case messagesUpdated(RequestID, Result<[VoicemailMessage], AppError>)
    /// The ids that are gone.
    case messagesDeleted(RequestID, Result<[String], AppError>)
    /// The copies made.
    case messagesForwarded(RequestID, Result<[ForwardedCopy], AppError>)
    /// How far a change of many messages has got (sent between its parts; the answer above
    /// still ends it).
    case progress(RequestID, done: Int, total: Int)
}

extension App {
    static func actionsAnswered(_ state: inout AppState, _ event: ActionsEvent) -> [Effect] {
        switch event {
        case .messagesUpdated(let id, let result): messagesUpdated(&state, id, result)
        case .messagesDeleted(let id, let result): messagesDeleted(&state, id, result)
        case .messagesForwarded(let id, let result): messagesForwarded(&state, id, result)
        case .progress(let id, let done, let total): actionProgress(&state, id, done: done, total: total)
        }
    }
}
