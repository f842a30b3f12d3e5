import AppCore
import SafeTOML
import TOMLReader

/// Turns a theme file's TOML text into a `Theme`. Pure: the caller reads the file.
///
/// ```toml
/// extends = "default"            # optional: start from a shipped theme
/// [colors]                       # aliases usable wherever a colour is expected
/// accent = "#5f87d7"
/// [styles."list.selected"]
/// fg = "black"
/// bg = "accent"
/// bold = true
/// ```
public enum ThemeParser {
    static let styleKeys: Set<String> = ["fg", "bg", "bold", "underline", "reverse", "dim", "italic"]
    static let topLevelKeys: Set<String> = ["name", "extends", "colors", "styles"]

    /// - Parameter file: how to name the file in errors (a path or "default.toml").
    /// - Parameter builtins: themes `extends` may name.
    public static func parse(
        _ text: String, name: String, file: String, builtins: [String: Theme] = [:]
    ) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try SafeTOML.parse(text)
        } catch {
            throw ThemeError(file: file, line: error.line, message: error.reason)
        }
        // The line of the key, or of the nearest table written around it (a header, an
        // inline table's key).
        func fail(_ path: [String], _ message: String) -> ThemeError {
            ThemeError(file: file, line: root.position(at: path)?.line, message: message)
        }

        for key in root.keys where !topLevelKeys.contains(key) {
            throw fail([key], "unknown key \"\(key)\" (expected extends, colors or styles)")
        }

        var styles: [StyleRole: ThemeStyle] = [:]
        if let base = root["extends"] {
            guard let baseName = base.string else {
                throw fail(["extends"], "extends must be the name of a shipped theme")
            }
            guard let baseTheme = builtins[baseName] else {
                let known = builtins.keys.sorted().joined(separator: ", ")
                throw fail(["extends"], "extends names unknown theme \"\(baseName)\" (shipped: \(known))")
            }
            styles = baseTheme.styles
        }

        var aliases: [String: ThemeColor] = [:]
        if let colorsValue = root["colors"] {
            guard let colors = colorsValue.table else { throw fail(["colors"], "[colors] must be a table") }
            for key in colors.keys {
                let value = colors[key]!
                guard let color = try color(value, aliases: [:], path: ["colors", key], fail: fail) else {
                    throw fail(["colors", key], "colour alias \"\(key)\" is not a colour: \"\(value.string ?? "")\" (use #rrggbb, 0–255 or a standard name)")
                }
                aliases[key.lowercased()] = color
            }
        }

        if let stylesValue = root["styles"] {
            guard let table = stylesValue.table else { throw fail(["styles"], "[styles] must be a table") }
            for roleName in table.keys {
                let path = ["styles", roleName]
                guard isValidRole(roleName) else {
                    throw fail(path, "\"\(roleName)\" is not a style role name (like \"list.selected\")")
                }
                guard let entry = table[roleName]!.table else {
                    throw fail(path, "styles.\"\(roleName)\" must be a table of fg, bg, bold, …")
                }
                styles[StyleRole(roleName)] = try style(entry, path: path, aliases: aliases, fail: fail)
            }
        }
        return Theme(name: name, styles: styles)
    }

    private static func isValidRole(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
    }

    private static func style(
        _ entry: TOMLTable, path: [String], aliases: [String: ThemeColor],
        fail: ([String], String) -> ThemeError
    ) throws(ThemeError) -> ThemeStyle {
        var style = ThemeStyle()
        for key in entry.keys {
            let value = entry[key]!
            let keyPath = path + [key]
            switch key {
            case "fg", "bg":
                let resolved = try color(value, aliases: aliases, path: keyPath, fail: fail)
                guard let resolved else {
                    throw fail(keyPath, "unknown colour \"\(value.string ?? "")\" (use #rrggbb, 0–255, a standard name or a [colors] alias)")
                }
                if key == "fg" { style.foreground = resolved } else { style.background = resolved }
            case "bold", "underline", "reverse", "dim", "italic":
                guard let flag = value.bool else {
                    throw fail(keyPath, "\(key) must be true or false")
                }
                switch key {
                case "bold": style.bold = flag
                case "underline": style.underline = flag
                case "reverse": style.reverse = flag
                case "dim": style.dim = flag
                default: style.italic = flag
                }
            default:
                throw fail(keyPath, "unknown style key \"\(key)\" (expected \(styleKeys.sorted().joined(separator: ", ")))")
            }
        }
        return style
    }

    /// A colour value; nil for a string that names nothing known (the caller words the error).
    private static func color(
        _ value: TOMLValue, aliases: [String: ThemeColor], path: [String],
        fail: ([String], String) -> ThemeError
    ) throws(ThemeError) -> ThemeColor? {
        if let index = value.int {
            guard let color = ThemeColor(index: index) else {
                throw fail(path, "colour index \(index) is outside 0–255")
            }
            return color
        }
        guard let text = value.string else {
            throw fail(path, "a colour must be a string (\"#rrggbb\", \"red\") or a number 0–255")
        }
        if let alias = aliases[text.lowercased()] { return alias }
        if let color = ThemeColor(name: text) { return color }
        if text.hasPrefix("#") {
            throw fail(path, "\"\(text)\" is not a #rrggbb colour")
        }
        return nil
    }
}
