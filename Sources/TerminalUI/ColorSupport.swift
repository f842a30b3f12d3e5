import AppCore
import Themes

/// Decides how many colours to use: none when NO_COLOR is set to anything non-empty
/// (https://no-color.org) or the terminal reports no colours; otherwise what terminfo says.
public enum ColorSupport {
    public static func depth(environment: [String: String], terminalColors: Int, hasColors: Bool)
        -> ColorDepth
    {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors else { return .none }
        return ColorDepth(terminalColors: terminalColors)
    }

    /// The theme to draw with: without colour, a theme that relies on colours would lose its
    /// selection bar and highlights, so the attribute-only theme replaces it.
    public static func effectiveTheme(_ theme: Theme, depth: ColorDepth) -> Theme {
        if depth == .none, !theme.isAttributesOnly { return BuiltinThemes.monochrome }
        return theme
    }
}
