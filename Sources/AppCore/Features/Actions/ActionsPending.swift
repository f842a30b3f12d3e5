import VoicemailModel

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

    /// Whether the change would change `message` at all.
    func changes(_ message: VoicemailMessage) -> Bool {
        switch self {
        case .markRead: !message.read
        case .markUnread: message.read
        case .move(let folder): message.folder != folder
        }
    }
}
