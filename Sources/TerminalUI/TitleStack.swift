/// The window title across a session: the user's own title is pushed onto the terminal's
/// title stack (`CSI 22;0 t`) before vmtui sets one, and popped back (`CSI 23;0 t`) when
/// vmtui leaves or is suspended, instead of being blanked. Returns the bytes to write; pure,
/// so the sequence is testable without a terminal.
public struct TitleStack: Equatable, Sendable {
    public static let push = "\u{1B}[22;0t"
    public static let pop = "\u{1B}[23;0t"

    /// How a title is framed on this terminal (`TerminalTitle.sequences`).
    public let start: String
    public let end: String
    /// What vmtui shows now (kept across a suspend).
    public private(set) var current: String?
    public private(set) var pushed = false

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }

    /// Shows `title`; nil gives the user's title back.
    public mutating func set(_ title: String?) -> String {
        guard let title else {
            current = nil
            return restore()
        }
        current = title
        var bytes = ""
        if !pushed {
            bytes += Self.push
            pushed = true
        }
        return bytes + start + title + end
    }

    /// Gives the user's title back (exit, suspend); vmtui's title stays remembered.
    public mutating func restore() -> String {
        guard pushed else { return "" }
        pushed = false
        return Self.pop
    }

    /// After a suspend: vmtui's title again, if it had one.
    public mutating func reapply() -> String {
        guard let current else { return "" }
        return set(current)
    }
}
