import VoicemailBackend

/// What the overview asks the runtime to do.
public enum OverviewEffect: Equatable, Sendable {
    /// Every mailbox's summary and details (`MailboxOverview.load`), answering with
    /// `.progress` as they arrive and `.loaded` at the end.
    case load(RequestID)

    public var requestID: RequestID {
        switch self {
        case .load(let id): id
        }
    }
}

/// The runtime's answers to `OverviewEffect`.
public enum OverviewEvent: Equatable, Sendable {
    /// `done` of `total` mailboxes read (for the status line).
    case progress(RequestID, done: Int, total: Int)
    case loaded(RequestID, Result<[MailboxOverviewRow], AppError>)
}
