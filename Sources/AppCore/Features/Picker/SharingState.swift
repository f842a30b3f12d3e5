import VoicemailModel

/// A mailbox PIN typed by the user. It lives only in memory: its description never shows the
/// digits, so a log line or a debug print of an effect cannot leak it.
public struct MailboxPIN: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<PIN>" }
    public var debugDescription: String { "<PIN>" }
}

/// A message that arrived in New since the last look, as the notifications need it.
public struct NewMessageNotice: Equatable, Sendable {
    public var mailbox: String
    public var messageID: String
    /// As the server sent them: only ever passed on as data (environment variables), never
    /// as shell text. The status line shows a `TerminalSafe` copy.
    public var callerName: String?
    public var callerNumber: String

    public init(mailbox: String, messageID: String, callerName: String?, callerNumber: String) {
        self.mailbox = mailbox
        self.messageID = messageID
        self.callerName = callerName
        self.callerNumber = callerNumber
    }
}

/// The mailbox picker overlay (`o`): a filter field over the mailboxes the user may open.
public struct MailboxPicker: Equatable, Sendable {
    public var editor: LineEditor
    /// Index into `rows`.
    public var selection: Int
    public var scroll: Int

    public init(editor: LineEditor = LineEditor(), selection: Int = 0, scroll: Int = 0) {
        self.editor = editor
        self.selection = selection
        self.scroll = scroll
    }
}

/// One line of the picker: a listed mailbox, or the typed extension when it is not listed
/// (the server decides, as with `81*EXT` on the phone).
public enum PickerRow: Equatable, Sendable {
    case mailbox(MailboxSummary)
    case typed(String)

    public var mailbox: String {
        switch self {
        case .mailbox(let summary): summary.mailbox
        case .typed(let ext): ext
        }
    }
}

/// Shared mailboxes and live updates: what the mailbox screen keeps beside the open folder.
public struct SharingState: Equatable, Sendable {
    /// The last Mailboxes answer: what the picker lists, with badges.
    public var mailboxes: [MailboxSummary] = []
    /// Every message id seen in the viewed mailbox (any folder), and whether New has been
    /// seen once: a message is news only when it arrives in New after that first look.
    public var seenMessages: Set<String> = []
    public var hasInboxBaseline = false
    /// Messages already announced, so each is announced once per session.
    public var announced: Set<String> = []
    public var inboxWatchETag: String?

    public init() {}
}
