import AppCore
import Foundation

/// The themes shipped with vmtui: the package resources in `Shipped/`, one TOML file each.
public enum BuiltinThemes {
    public static let defaultName = "default"
    /// Used instead of a colour theme when the terminal shows no colour (NO_COLOR, mono).
    public static let monochromeName = "monochrome"

    /// The shipped files' text by theme name.
    public static let sources: [String: String] = {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Shipped", isDirectory: true),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [:] }
        var files: [String: String] = [:]
        for url in names.filter({ $0.hasSuffix(".toml") }).map(directory.appendingPathComponent) {
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                files[url.deletingPathExtension().lastPathComponent] = text
            }
        }
        return files
    }()

    public static var names: [String] { sources.keys.sorted() }

    /// Every shipped theme, parsed once. A shipped theme that fails to parse is a build
    /// defect that the unit tests catch, so it is simply left out here.
    public static let all: [String: Theme] = {
        var themes: [String: Theme] = [:]
        for (name, text) in sources {
            if let theme = try? ThemeParser.parse(text, name: name, file: "\(name).toml") {
                themes[name] = theme
            }
        }
        return themes
    }()

    public static var standard: Theme { all[defaultName] ?? Theme(name: defaultName, styles: [:]) }
    public static var monochrome: Theme { all[monochromeName] ?? Theme(name: monochromeName, styles: [:]) }
}
