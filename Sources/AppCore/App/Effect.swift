import VoicemailModel

/// I/O the app wants done. The runtime executes each one and answers with the matching
/// `AppEvent` carrying the same `RequestID`. `mailbox` is the extension to send as
/// `filter[mailbox]` (and to pick a PIN for); nil means the caller's own mailbox.
public enum Effect: Equatable, Sendable {
    /// Ask the backend what it can do (read-only, once per session) → `.capabilitiesLoaded`.
    case loadCapabilities
    /// `GET /VoiceMail/Mailboxes` → `.mailboxesLoaded`.
    case loadMailboxes(RequestID)
    /// Every message of one folder (the runtime pages through `count=1000` until `total`),
    /// newest first; `etag` for `If-None-Match` → `.folderLoaded`.
    case loadFolder(RequestID, mailbox: String?, folder: Folder, etag: String?)
    /// Read, unread, move, delete, forward (Features/Actions).
    case actions(ActionsEffect)
    /// Switch to another mailbox: its New folder, sending `pin` (and remembering it for that
    /// mailbox when the server accepts it), else the PIN already known → `.mailboxOpened`.
    case openMailbox(RequestID, mailbox: String, pin: MailboxPIN?)
    /// A new message arrived: run the user's `on_new_message` hook, if any, off the UI thread
    /// → nothing, or `.notificationFailed` with one line.
    case announceNewMessage(NewMessageNotice)
    /// Ring the terminal bell (only sent when the config asks for it).
    case bell
    /// Playback, recording, greetings, saving and directory listings (see `AudioEffect`).
    case audio(AudioEffect)
    /// Stop the request's task (aborting its transfer): its answer is no longer wanted.
    case cancel(RequestID)
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Leave the program.
    case quit

    public var requestID: RequestID? {
        switch self {
        case .loadMailboxes(let id), .loadFolder(let id, _, _, _), .openMailbox(let id, _, _):
            id
        case .actions(let effect):
            effect.requestID
        case .audio(let effect):
            effect.requestID
        case .loadCapabilities, .cancel, .announceNewMessage, .bell, .redraw, .quit:
            nil
        }
    }
}
