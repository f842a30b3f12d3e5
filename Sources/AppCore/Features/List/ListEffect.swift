import VoicemailModel

/// What the message list asks the runtime to do: the mailbox summary (badges, picker rows),
/// the open folder's messages, and the new-message hook. Each request is answered by the
/// `ListEvent` carrying the same id.
public enum ListEffect: Equatable, Sendable {
    /// The mailbox summary (`GET /VoiceMail/Mailboxes`) → `.mailboxesLoaded`.
    case loadMailboxes(RequestID)
    /// Every message of one folder (the runtime pages until `total`, posting the first page
    /// early), newest first; `etag` for `If-None-Match` → `.folderLoaded`. `mailbox` nil
    /// means the user's own.
    case loadFolder(RequestID, mailbox: String?, folder: Folder, etag: String?)
    /// A new message arrived: run the user's `on_new_message` hook, if any, off the UI thread
    /// → nothing, or `.notificationFailed` with one line.
    case announceNewMessage(NewMessageNotice)

    public var requestID: RequestID? {
        switch self {
        case .loadMailboxes(let id), .loadFolder(let id, _, _, _): id
        case .announceNewMessage: nil
        }
    }
}

/// What a folder load produced.
public enum FolderLoad: Equatable, Sendable {
    /// The folder's messages (any order; the app sorts newest first) and the answer's ETag.
    case loaded(messages: [VoicemailMessage], etag: String?)
    /// 304: nothing changed since the ETag that was sent.
    case notModified
    /// The first page of a folder that has `total` messages, sent while the rest is still being
    /// fetched (the same request then answers `.loaded` with all of them): the first rows are on
    /// screen without waiting for every page.
    case firstPage(messages: [VoicemailMessage], total: Int)
}

/// The runtime's answers to `ListEffect`.
public enum ListEvent: Equatable, Sendable {
    case mailboxesLoaded(RequestID, Result<[MailboxSummary], AppError>)
    case folderLoaded(RequestID, Result<FolderLoad, AppError>)
    /// The new-message hook failed (one line; details are in the log).
    case notificationFailed(String)
}

extension App {
    static func listAnswered(_ state: inout AppState, _ event: ListEvent) -> [Effect] {
        switch event {
        case .mailboxesLoaded(let id, let result): mailboxesLoaded(&state, id, result)
        case .folderLoaded(let id, let result): folderLoaded(&state, id, result)
        case .notificationFailed(let message): notificationFailed(&state, message)
        }
    }
}
