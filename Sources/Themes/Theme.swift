import AppCore
/// A named set of role styles. Roles without their own entry fall back field by field to
/// their parent role ("folder.selected" → "folder" → "normal").
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: ThemeStyle]

    public init(name: String, styles: [StyleRole: ThemeStyle]) {
        self.name = name
        self.styles = styles
    }

    public func resolve(_ role: StyleRole) -> ResolvedStyle {
        var merged = styles[role] ?? ThemeStyle()
        var ancestor = role.parent
        while let current = ancestor {
            if let style = styles[current] { merged = merged.inheriting(from: style) }
            ancestor = current.parent
        }
        return ResolvedStyle(
            foreground: merged.foreground ?? .terminalDefault,
            background: merged.background ?? .terminalDefault,
            bold: merged.bold ?? false, underline: merged.underline ?? false,
            reverse: merged.reverse ?? false, dim: merged.dim ?? false,
            italic: merged.italic ?? false)
    }

    /// True when no role uses a colour: such a theme reads the same on a monochrome terminal.
    public var isAttributesOnly: Bool { !styles.values.contains { $0.usesColor } }
}

extension StyleRole {
    /// Every role the views use; each shipped theme gives each of them a deliberate style.
    public static let allKnown: [StyleRole] = [
        .normal, .header, .headerShared, .headerWarning, .border, .paneTitle, .paneTitleFocused, .paneTitleCount,
        .folder, .folderSelected, .badge, .list, .listUnread, .listSelected, .listSelectedUnread,
        .listTagged, .urgent, .forwarded, .detailsLabel, .detailsValue, .transcription, .progress,
        .footer, .footerKey, .status, .statusBusy, .statusError, .statusSuccess, .prompt, .overlay,
        .overlayTitle, .dim,
    ]
}
