import AppCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Themes
import VoicemailBackend

/// Finds a theme by name: a user theme in `$XDG_CONFIG_HOME/vmtui/themes/NAME.toml`
/// (default `~/.config/...`) wins over a shipped theme of the same name; a NAME containing
/// a slash or ending in ".toml" is a path.
public enum ThemeLoader {
    public static func userThemeDirectory(environment: [String: String]) -> URL {
        Paths.configHome(environment: environment).appendingPathComponent("vmtui/themes", isDirectory: true)
    }

    public static func load(name: String, environment: [String: String]) throws(ThemeError) -> Theme {
        let path: String
        if name.contains("/") || name.hasSuffix(".toml") {
            path = name
        } else {
            let candidate = userThemeDirectory(environment: environment).appendingPathComponent("\(name).toml").path
            if FileManager.default.fileExists(atPath: candidate) {
                path = candidate
            } else if let builtin = BuiltinThemes.all[name] {
                return builtin
            } else {
                let shipped = BuiltinThemes.names.joined(separator: ", ")
                throw ThemeError(
                    file: candidate, line: nil,
                    message: "no theme \"\(name)\" (shipped: \(shipped); user themes live in \(userThemeDirectory(environment: environment).path))")
            }
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(file: path, line: nil, message: "cannot read the file (missing, unreadable or not UTF-8)")
        }
        let themeName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try ThemeParser.parse(text, name: themeName, file: path, builtins: BuiltinThemes.all)
    }

    /// The theme to use and, when the requested one was broken, the one-line problem to show;
    /// the default theme stands in.
    public static func loadOrDefault(name: String?, environment: [String: String]) -> (Theme, ThemeError?) {
        guard let name, !name.isEmpty else { return (BuiltinThemes.standard, nil) }
        do {
            return (try load(name: name, environment: environment), nil)
        } catch {
            return (BuiltinThemes.standard, error)
        }
    }
}
