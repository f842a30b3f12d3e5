/// Everything a key can be bound to. Raw values are the names used in the `[keys]` table.
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
    case markRead = "mark-read"
    case markUnread = "mark-unread"
    case move, delete, forward, filter, refresh, redraw, help, quit, play
    case toggleDetails = "toggle-details"
    case openMailbox = "open-mailbox"
    case save, greetings
    // While something plays.
    case stop
    case seekBack = "seek-back"
    case seekForward = "seek-forward"
    case playNext = "play-next"
    case playPrevious = "play-previous"
    // On the greetings screen.
    case greetingUpload = "greeting-upload"
    case greetingRecord = "greeting-record"
    case greetingReset = "greeting-reset"
    case closeGreetings = "close-greetings"

    /// Shown in the help overlay.
    public var summary: String {
        switch self {
        case .down: "Next message or folder"
        case .up: "Previous message or folder"
        case .top: "First message"
        case .bottom: "Last message"
        case .pageDown: "Page down"
        case .pageUp: "Page up"
        case .switchPane: "Switch between folders and list"
        case .focusFolders: "Go to the folder pane"
        case .focusList: "Go to the message list"
        case .folderNew: "Open New"
        case .folderOld: "Open Old"
        case .folderWork: "Open Work"
        case .folderFamily: "Open Family"
        case .folderFriends: "Open Friends"
        case .tag: "Tag or untag the message"
        case .markRead: "Mark read"
        case .markUnread: "Mark unread"
        case .move: "Move to a folder"
        case .delete: "Delete"
        case .forward: "Forward to extensions"
        case .filter: "Filter by caller or text"
        case .refresh: "Refresh from the server"
        case .redraw: "Redraw the screen"
        case .help: "Show or hide this help"
        case .quit: "Quit"
        case .play: "Play; pause or resume"
        case .toggleDetails: "Show or hide details"
        case .openMailbox: "Open another mailbox (shared)"
        case .save: "Save the audio to a file"
        case .greetings: "Greetings (record, upload, reset)"
        case .stop: "Playing: stop"
        case .seekBack: "Playing: back 5 s"
        case .seekForward: "Playing: forward 5 s"
        case .playNext: "Playing: next message"
        case .playPrevious: "Playing: previous message"
        case .greetingUpload: "Greetings: upload a file"
        case .greetingRecord: "Greetings: record"
        case .greetingReset: "Greetings: reset to PBX default"
        case .closeGreetings: "Greetings: back to the mailbox"
        }
    }

    /// Where the action's keys apply; keys may repeat across contexts.
    public var context: KeyContext {
        switch self {
        case .stop, .seekBack, .seekForward, .playNext, .playPrevious: .playback
        case .greetingUpload, .greetingRecord, .greetingReset, .closeGreetings: .greetings
        default: .mailbox
        }
    }

    /// The folder a jump action opens.
    public var folder: Folder? {
        switch self {
        case .folderNew: .inbox
        case .folderOld: .old
        case .folderWork: .work
        case .folderFamily: .family
        case .folderFriends: .friends
        default: nil
        }
    }

    /// Accepts "page-down", "page_down" and "pagedown" alike.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        if let action = Action(rawValue: key) {
            self = action
            return
        }
        let squashed = key.replacingOccurrences(of: "-", with: "")
        guard let action = Action.allCases.first(where: {
            $0.rawValue.replacingOccurrences(of: "-", with: "") == squashed
        }) else { return nil }
        self = action
    }
}

import VoicemailModel

/// Which key map is in force. Playback keys lie over the mailbox's (or the greetings') while
/// something plays; the greetings screen has keys of its own plus the shared movement keys.
public enum KeyContext: String, CaseIterable, Sendable, Hashable {
    case mailbox, playback, greetings
}
