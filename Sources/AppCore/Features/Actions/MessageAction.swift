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
