import VoicemailModel

/// Everything a key can be bound to. Raw values are the names used in the `[keys]` table;
/// keys, help, footer word and needed capability live in each feature's bindings
/// (`BindingTable`).
public enum Action: String, CaseIterable, Sendable, Hashable {
    case down, up, top, bottom
    case pageDown = "page-down"
    case pageUp = "page-up"
    case switchPane = "switch-pane"
    case focusFolders = "focus-folders"
    case focusList = "focus-list"
    case folderNew = "folder-new"
    case folderOld = "folder-old"
    case folderWork = "folder-work"
    case folderFamily = "folder-family"
    case folderFriends = "folder-friends"
    case tag
    case tagAll = "tag-all"
    case markRead = "mark-read"
    case markUnread = "mark-unread"
    case markAllRead = "mark-all-read"
    case move, delete, forward, filter, refresh, redraw, help, quit, play
    case toggleDetails = "toggle-details"
    case detailsDown = "details-down"
    case detailsUp = "details-up"
    case openMailbox = "open-mailbox"
    case overview
    case save, greetings, export
    // While something plays.
    case stop
    case seekBack = "seek-back"
    case seekForward = "seek-forward"
    case playNext = "play-next"
    case playPrevious = "play-previous"
    case slower, faster
    // On the greetings screen.
    case greetingUpload = "greeting-upload"
    case greetingRecord = "greeting-record"
    case greetingReset = "greeting-reset"
    case greetingCopy = "greeting-copy"
    case closeGreetings = "close-greetings"

    /// Accepts "page-down", "page_down" and "pagedown" alike.
    public init?(name: String) {
        let key = name.lowercased().replacing("_", with: "-")
        if let action = Action(rawValue: key) {
            self = action
            return
        }
        let squashed = key.replacing("-", with: "")
        guard let action = Action.allCases.first(where: {
            $0.rawValue.replacing("-", with: "") == squashed
        }) else { return nil }
        self = action
    }
}
