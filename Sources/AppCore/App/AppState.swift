import DisplayText
import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// Which pane has the keyboard.
public enum Pane: Equatable, Sendable { case folders, list }

/// The status line: what is going on, or how the last thing went.
public enum StatusLine: Equatable, Sendable {
    case none
    case info(String)
    case busy(String)
    case success(String)
    case error(String)

    public var text: String {
        switch self {
        case .none: ""
        case .info(let t), .busy(let t), .success(let t), .error(let t): t
        }
    }
}

/// A question asked in the status line.
public enum Prompt: Equatable, Sendable {
    /// Move and forward (Features/Actions).
    case actions(ActionsPrompt)
    /// A y/N question: delete, a move in someone else's mailbox, a greeting reset (Features/Confirm).
    case confirm(Confirmation)
    /// Live filter: the list follows every keystroke; Esc clears it, Enter keeps it.
    case filter(editor: LineEditor)
    /// The owner's PIN for another mailbox; shown masked.
    case pin(mailbox: String, editor: LineEditor)
    /// `w`: where to save a message's audio (Tab completes paths).
    case saveAudio(id: String, editor: LineEditor)
    /// Greetings `u`: the file to upload (Tab completes paths).
    case uploadGreeting(type: GreetingType, editor: LineEditor)
    /// `e`: the folder to export the tagged messages into (Features/Export).
    case export(ExportPrompt)
    /// Greetings `c`: which greeting to copy `from` onto (Features/Greetings).
    case copyGreeting(from: GreetingType, onto: [GreetingType], editor: LineEditor)

    public var editor: LineEditor? {
        switch self {
        case .actions(let prompt): prompt.editor
        case .filter(let e), .pin(_, let e): e
        case .saveAudio(_, let e), .uploadGreeting(_, let e), .copyGreeting(_, _, let e): e
        case .export(let prompt): prompt.editor
        case .confirm: nil
        }
    }
}

/// An effect sent and not yet answered, with what is needed to interpret its answer.
public enum PendingOperation: Equatable, Sendable {
    case mailboxes
    case folder(Folder)
    /// Read, unread, move, delete, forward (Features/Actions).
    case actions(ActionsPending)
    /// Switching to another mailbox (its New folder is loaded first).
    case opening(mailbox: String)
    /// The overview of every mailbox (Features/Overview).
    case overview
    /// A conditional look at New while another folder is open (new-message notices).
    case inboxWatch
    /// Playing, saving, path completion (Features/Playback).
    case playback(PlaybackPending)
    /// The greetings calls and the recorder (Features/Greetings).
    case greetings(GreetingsPending)
    /// `e`: an export of `total` messages (Features/Export).
    case export(total: Int)
}

/// The whole state of the mailbox screen.
public struct AppState: Equatable, Sendable {
    public var config: AppConfig
    public var now: Date
    /// Last size the terminal reported; the runtime sends `.input(.resize)` at start.
    public var size: TerminalSize

    /// What the backend can do: decides which keys the footer and help offer and which act.
    /// Everything until the backend says otherwise (a backend refuses what it lacks anyway,
    /// before sending anything).
    public var capabilities: BackendCapabilities = .everything

    // Mailbox
    /// The mailbox being shown; nil until known when the user's own is meant.
    public var mailbox: String?
    public var mailboxName: String?
    /// False when showing someone else's mailbox (header says "shared").
    public var isOwnMailbox: Bool
    /// Per-folder counts: from the Mailboxes call, kept in step after actions.
    public var folderCounts: [Folder: FolderCount]
    /// The server has no Mailboxes call: counts come from the folders loaded.
    public var mailboxesUnsupported: Bool

    // Current folder
    public var folder: Folder
    /// The folder's messages, newest first; empty while `isLoading`.
    public private(set) var messages: [VoicemailMessage]
    /// Lower-cased caller name, number, subject and transcription per message, for filtering;
    /// made by the first filter after the list changes, emptied by every change.
    private var searchKeys: [String]
    /// Indices into `messages` that pass the filter, in display order.
    public private(set) var visible: [Int]
    public var isLoading: Bool
    /// While the rest of a large folder is fetched after its first page: the folder's total.
    public var expectedTotal: Int?
    /// A key pressed while the folder loaded, to act when its messages arrive.
    public var deferredAction: Action?
    /// Why the open folder's last load failed; the list pane says so while it has nothing to show.
    public var loadFailure: AppError?
    public var etag: String?
    /// Index into `visible`.
    public var selection: Int
    /// First visible row of the list.
    public var scroll: Int
    public var tagged: Set<String>
    public private(set) var filter: String

    // Interaction
    public var focus: Pane
    /// Flips the layout's default: hides details where they fit, shows them where not.
    public var detailsToggled: Bool
    /// Lines of the selected message's transcription scrolled past (J/K); only for the
    /// message it was scrolled on, so another selection starts at the top.
    public var detailsScroll: (messageID: String, lines: Int)? {
        get { detailsScrollID.map { ($0, detailsScrollLines) } }
        set {
            detailsScrollID = newValue?.messageID
            detailsScrollLines = newValue?.lines ?? 0
        }
    }
    private var detailsScrollID: String?
    private var detailsScrollLines = 0
    /// What lies over the mailbox, topmost first, each with its state (App/Overlay.swift):
    /// opened with `present`, closed with `dismiss`.
    public internal(set) var presented: [PresentedOverlay] = []
    public var status: StatusLine
    /// Playback (Features/Playback).
    public var audio = AudioState()
    /// Local transcripts and their requests (Features/Transcription).
    public var transcription = TranscriptionState()

    // Requests
    /// The one request table: every effect sent and not yet answered, with what its answer
    /// needs. A request removed without its answer is superseded and gets cancelled.
    public var pending: [RequestID: PendingOperation]
    /// Superseded requests; `App.update` turns them into `.cancel` effects.
    private(set) var superseded: [RequestID]
    public var lastRefresh: Date
    private var nextRequest: Int

    /// Shared mailboxes, the picker and live updates (Update/MailboxSwitch.swift, LiveRefresh.swift).
    public var sharing = SharingState()

    public init(config: AppConfig, now: Date) {
        self.config = config
        self.now = now
        size = TerminalSize(width: 80, height: 24)
        mailbox = config.mailbox ?? config.user
        mailboxName = config.mailbox == nil ? config.userName : nil
        isOwnMailbox = config.mailbox == nil || config.mailbox == config.user
        folderCounts = [:]
        mailboxesUnsupported = false
        folder = .inbox
        messages = []
        searchKeys = []
        visible = []
        isLoading = false
        loadFailure = nil
        deferredAction = nil
        etag = nil
        selection = 0
        scroll = 0
        tagged = []
        filter = ""
        focus = .list
        detailsToggled = false
        status = config.configErrors.isEmpty
            ? .none
            : .error("Config: " + config.configErrors.joined(separator: "; "))
        pending = [:]
        superseded = []
        lastRefresh = now
        nextRequest = 1
    }

    public mutating func makeRequestID() -> RequestID {
        defer { nextRequest += 1 }
        return RequestID(nextRequest)
    }

    /// Forgets a request whose answer is no longer wanted and has the runtime cancel it
    /// (which aborts its transfer).
    public mutating func supersede(_ id: RequestID?) {
        guard let id, pending.removeValue(forKey: id) != nil else { return }
        superseded.append(id)
    }

    mutating func takeSuperseded() -> [RequestID] {
        defer { superseded = [] }
        return superseded
    }

    /// The request of one kind under way, if any (there is at most one of each of these).
    private func request(_ matches: (PendingOperation) -> Bool) -> RequestID? {
        pending.first { matches($0.value) }?.key
    }

    /// The open folder's load; any other folder answer is stale.
    public var folderRequest: RequestID? { request { if case .folder = $0 { true } else { false } } }
    public var mailboxesRequest: RequestID? { request { $0 == .mailboxes } }
    /// The conditional look at New while another folder is open.
    public var inboxWatchRequest: RequestID? { request { $0 == .inboxWatch } }
    /// The mailbox being opened.
    public var openingRequest: RequestID? { request { if case .opening = $0 { true } else { false } } }
    /// The playback on screen (its reports keep coming until it ends).
    public var playbackRequest: RequestID? { request { $0 == .playback(.playing) } }
    /// The greetings screen's list load.
    public var greetingsLoadRequest: RequestID? { request { $0 == .greetings(.load) } }
    /// The directory listing a Tab completion waits for.
    public var completionRequest: RequestID? { request { if case .playback(.completion) = $0 { true } else { false } } }

    /// The save or upload whose progress the status line shows: the latest one under way.
    public var transfer: TransferInfo? {
        pending.filter { $0.value.transfer != nil }.max { $0.key.value < $1.key.value }?.value.transfer
    }

    // MARK: Derived

    /// The selected message, if the list is not empty.
    public var selectedMessage: VoicemailMessage? {
        guard selection >= 0, selection < visible.count else { return nil }
        return messages[visible[selection]]
    }

    public var visibleCount: Int { visible.count }

    public func visibleMessage(at row: Int) -> VoicemailMessage { messages[visible[row]] }

    /// What bulk actions act on: the tagged messages (in list order), else the selection.
    public var actionTargets: [VoicemailMessage] {
        if !tagged.isEmpty { return messages.filter { tagged.contains($0.id) } }
        return selectedMessage.map { [$0] } ?? []
    }

    public func count(of folder: Folder) -> FolderCount {
        folderCounts[folder] ?? FolderCount(folder: folder, total: 0, unread: 0)
    }

    /// The folder pane: the five phone folders, then the others the backend reports, then any
    /// other that holds messages by the counts (an HTTP PBX's Cust1) or is open. Urgent is not
    /// among them: its messages show in New, marked urgent, as the phone does.
    public var shownFolders: [Folder] {
        var shown = capabilities.folders.filter { $0 != .urgent }
        let counted = folderCounts.values.filter { $0.total > 0 }.map(\.folder) + [folder]
        for extra in Set(counted).subtracting(shown).subtracting([.urgent]).sorted() { shown.append(extra) }
        return shown
    }

    /// False when the backend lacks what `action` needs.
    public func offers(_ action: Action) -> Bool {
        action.capability.map(capabilities.has) ?? true
    }

    public var totalUnread: Int { folderCounts.values.reduce(0) { $0 + $1.unread } }

    // MARK: List maintenance (O(n), only when the list or the filter changes)

    /// Replaces the list, keeping the selection on the same message when it is still there
    /// (else the nearest row), and the tags minus vanished messages.
    public mutating func replaceMessages(_ newMessages: [VoicemailMessage]) {
        let selectedID = selectedMessage?.id
        let oldSelection = selection
        // Backends list newest first already: keeping their array (no sorted copy) saves a
        // second copy of every message, 1.5 MB for 10,000.
        let inOrder = zip(newMessages, newMessages.dropFirst()).allSatisfy { !Self.listsBefore($1, $0) }
        messages = inOrder ? newMessages : newMessages.sorted(by: Self.listsBefore)
        searchKeys = []
        if !tagged.isEmpty {
            let ids = Set(messages.map(\.id))
            tagged = tagged.intersection(ids)
        }
        recomputeVisible(keeping: selectedID, fallback: oldSelection)
    }

    /// Removes messages by id; the selection moves to the row that took its place.
    public mutating func removeMessages(_ ids: Set<String>) {
        guard messages.contains(where: { ids.contains($0.id) }) else { return }
        let selectedID = selectedMessage.flatMap { ids.contains($0.id) ? nil : $0.id }
        // Rows above the selection that vanish shift it up.
        let removedAbove = visible.prefix(selection).filter { ids.contains(messages[$0].id) }.count
        let fallback = selection - removedAbove
        messages.removeAll { ids.contains($0.id) }
        searchKeys = []
        tagged.subtract(ids)
        recomputeVisible(keeping: selectedID, fallback: fallback)
    }

    /// Replaces messages in place (same id), e.g. after mark unread in a folder other than New.
    public mutating func updateMessages(_ updated: [VoicemailMessage]) {
        let byID = Dictionary(updated.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        for index in messages.indices {
            if let replacement = byID[messages[index].id] {
                messages[index] = replacement
            }
        }
        searchKeys = []
    }

    public mutating func setFilter(_ text: String) {
        guard text != filter else { return }
        let selectedID = selectedMessage?.id
        filter = text
        recomputeVisible(keeping: selectedID, fallback: 0)
    }

    /// Empties the list for a folder switch.
    public mutating func clearMessages() {
        messages = []
        searchKeys = []
        visible = []
        tagged = []
        selection = 0
        scroll = 0
    }

    private mutating func recomputeVisible(keeping id: String?, fallback: Int) {
        let needle = filter.lowercased()
        if needle.isEmpty {
            visible = Array(messages.indices)
        } else {
            // The keys are made at the first filter, not with every list: most sessions never
            // filter, and the keys copy every caller, subject and transcription.
            if searchKeys.count != messages.count { searchKeys = messages.map(Self.searchKey) }
            visible = searchKeys.indices.filter { searchKeys[$0].contains(needle) }
        }
        if let id, let row = visible.firstIndex(where: { messages[$0].id == id }) {
            selection = row
        } else {
            selection = max(0, min(fallback, visible.count - 1))
        }
    }

    /// The list's order: newest first, then by id.
    /// The list's one order: newest first, equal times by id. Live notices name the first
    /// arrival in the same order.
    static func listsBefore(_ a: VoicemailMessage, _ b: VoicemailMessage) -> Bool {
        (a.date, b.id) > (b.date, a.id)
    }

    private static func searchKey(_ message: VoicemailMessage) -> String {
        [message.callerName ?? "", message.callerNumber, message.subject ?? "",
         message.transcription ?? ""]
            .map { TerminalSafe.line($0).lowercased() }
            .joined(separator: "\u{1F}")
    }
}
