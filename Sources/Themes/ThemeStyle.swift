import AppCore
/// The style a theme gives one role. Unset fields (nil) are inherited from the parent role,
/// so `[styles."list.unread"] bold = true` keeps the list's colours.
public struct ThemeStyle: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var bold: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?
    public var italic: Bool?

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool? = nil,
        underline: Bool? = nil, reverse: Bool? = nil, dim: Bool? = nil, italic: Bool? = nil
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }

    /// Fields set here win; the rest come from `parent`.
    public func inheriting(from parent: ThemeStyle) -> ThemeStyle {
        ThemeStyle(
            foreground: foreground ?? parent.foreground, background: background ?? parent.background,
            bold: bold ?? parent.bold, underline: underline ?? parent.underline,
            reverse: reverse ?? parent.reverse, dim: dim ?? parent.dim, italic: italic ?? parent.italic)
    }

    public var usesColor: Bool {
        [foreground, background].contains { color in
            if let color, color != .terminalDefault { return true }
            return false
        }
    }
}

/// A role's style with everything decided: what the terminal layer draws.
public struct ResolvedStyle: Hashable, Sendable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool
    public var italic: Bool

    public init(
        foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false,
        italic: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
        self.italic = italic
    }
}
