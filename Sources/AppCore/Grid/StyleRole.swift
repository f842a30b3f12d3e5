/// A semantic style name ("list.unread"). Views speak in roles; a theme turns roles into
/// colours and attributes, and snapshot tests can assert on roles without any terminal.
public struct StyleRole: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    /// "folder.selected" falls back to "folder", then to "normal".
    public var parent: StyleRole? {
        guard let dot = rawValue.lastIndex(of: ".") else {
            return self == .normal ? nil : .normal
        }
        return StyleRole(String(rawValue[..<dot]))
    }

    public static let normal: StyleRole = "normal"
    public static let header: StyleRole = "header"
    public static let headerShared: StyleRole = "header.shared"
    /// The header's capacity when the mailbox is 90 % full or more.
    public static let headerWarning: StyleRole = "header.warning"
    public static let border: StyleRole = "border"
    public static let paneTitle: StyleRole = "pane.title"
    public static let paneTitleFocused: StyleRole = "pane.title.focused"
    /// The position and counts after a pane's name ("3 of 5  1 tagged").
    public static let paneTitleCount: StyleRole = "pane.title.count"
    public static let folder: StyleRole = "folder"
    public static let folderSelected: StyleRole = "folder.selected"
    public static let badge: StyleRole = "badge"
    public static let list: StyleRole = "list"
    public static let listUnread: StyleRole = "list.unread"
    public static let listSelected: StyleRole = "list.selected"
    /// The selection bar on an unread message: it keeps showing that the message is unread.
    public static let listSelectedUnread: StyleRole = "list.selected.unread"
    public static let listTagged: StyleRole = "list.tagged"
    public static let urgent: StyleRole = "urgent"
    public static let forwarded: StyleRole = "forwarded"
    public static let detailsLabel: StyleRole = "details.label"
    public static let detailsValue: StyleRole = "details.value"
    public static let transcription: StyleRole = "transcription"
    public static let progress: StyleRole = "progress"
    public static let footer: StyleRole = "footer"
    public static let footerKey: StyleRole = "footer.key"
    public static let status: StyleRole = "status"
    public static let statusBusy: StyleRole = "status.busy"
    public static let statusError: StyleRole = "status.error"
    public static let statusSuccess: StyleRole = "status.success"
    public static let prompt: StyleRole = "prompt"
    public static let overlay: StyleRole = "overlay"
    public static let overlayTitle: StyleRole = "overlay.title"
    public static let dim: StyleRole = "dim"
}
