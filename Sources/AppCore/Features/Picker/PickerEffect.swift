/// What opening another mailbox asks the runtime to do.
public enum PickerEffect: Equatable, Sendable {
    /// That mailbox's New folder, sending `pin` (remembered for that mailbox when the server
    /// accepts it), else the PIN already known → `.mailboxOpened`.
    case openMailbox(RequestID, mailbox: String, pin: MailboxPIN?)

    public var requestID: RequestID {
        switch self {
        case .openMailbox(let id, _, _): id
        }
    }
}

/// The runtime's answers to `PickerEffect`.
public enum PickerEvent: Equatable, Sendable {
    /// The other mailbox's New folder, or why it cannot be opened.
    case mailboxOpened(RequestID, Result<FolderLoad, AppError>)
}

extension App {
    static func pickerAnswered(_ state: inout AppState, _ event: PickerEvent) -> [Effect] {
        switch event {
        case .mailboxOpened(let id, let result): mailboxOpened(&state, id, result)
        }
    }
}
