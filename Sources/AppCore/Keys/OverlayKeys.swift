/// A key of a prompt's or an overlay's own map. These keys are fixed (`[keys]` remaps the
/// mailbox's actions, not Enter in a prompt): the handlers match them through here and every
/// footer names them from here, so a footer cannot promise a key that does something else.
public struct OverlayKey: Sendable, Equatable {
    public let keys: [Key]
    /// The key as the footer and help write it.
    public let label: String
    /// What it does, as the help overlay and README say it.
    public let help: String

    public func matches(_ key: Key) -> Bool { keys.contains(key) }

    /// The footer entry, with the word this prompt uses for it ("save", "keep filter").
    func hint(_ word: String) -> (String, String) { (label, word) }

    /// `case OverlayKeys.cancel:` in a switch over a key.
    public static func ~= (pattern: OverlayKey, key: Key) -> Bool { pattern.matches(key) }
}

/// Every prompt's and overlay's key map, and the one key that works everywhere (Bubble Tea's
/// `KeyMap.ShortHelp`: the footers below are built from these lists and nothing else).
public enum OverlayKeys {
    /// Ctrl-C quits from anywhere, whatever `[keys]` says, so nobody is ever trapped.
    public static let quitAlways = OverlayKey(keys: [.control("c")], label: "C-c", help: "Quit (always)")

    static let submit = OverlayKey(keys: [.enter], label: "Enter", help: "Confirm the prompt")
    static let cancel = OverlayKey(keys: [.escape], label: "Esc", help: "Cancel the prompt or close the overlay")
    static let complete = OverlayKey(keys: [.tab], label: "Tab", help: "Complete a path")
    static let erase = OverlayKey(keys: [.control("u")], label: "C-u", help: "Erase the line")
    static let yes = OverlayKey(keys: [.character("y"), .character("Y")], label: "y", help: "Yes, in a y/N question")
    /// Any key but y answers no: the safe answer needs no aim.
    static let otherKey = OverlayKey(keys: [], label: "other key", help: "No, in a y/N question")
    static let choose = OverlayKey(keys: [.up, .down, .control("p"), .control("n")], label: "↑/↓", help: "Choose a mailbox")
    static let digits = OverlayKey(keys: [], label: "digits", help: "Type any extension")

    /// The fixed keys for the help overlay and the README, after the binding table's.
    public static let reference: [OverlayKey] = [quitAlways]

    // MARK: Footers, one per prompt and overlay

    static func confirm(yes word: String) -> [(String, String)] { [yes.hint(word), otherKey.hint("cancel")] }
    static let lineEdit = [submit.hint("confirm"), cancel.hint("cancel"), erase.hint("erase")]
    static let pin = [submit.hint("open"), cancel.hint("cancel"), erase.hint("erase")]
    static let filter = [submit.hint("keep filter"), cancel.hint("clear"), erase.hint("erase")]
    static func path(submitting word: String) -> [(String, String)] {
        [submit.hint(word), complete.hint("complete"), cancel.hint("cancel"), erase.hint("erase")]
    }
    static let picker = [submit.hint("open"), cancel.hint("close"), choose.hint("choose"), digits.hint("any extension")]
    static let overview = [submit.hint("open"), cancel.hint("close"), ("R", "reload"), choose.hint("choose")]
    static func help(scroll: String) -> [(String, String)] { [cancel.hint("close"), (scroll, "scroll")] }
    static func recording(stop: String) -> [(String, String)] {
        [(submit.label + "/" + stop, "stop and upload"), cancel.hint("discard")]
    }
}
