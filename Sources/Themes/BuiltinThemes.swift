import AppCore
import FoundationEssentials

/// The themes shipped with vmtui: the package resources in `Shipped/`, one TOML file each
/// (a new one is a file there plus its line in Package.swift and in `sources`).
public enum BuiltinThemes {
    public static let defaultName = "default"
    /// Used instead of a colour theme when the terminal shows no colour (NO_COLOR, mono).
    public static let monochromeName = "monochrome"

    /// The shipped files' text by theme name: `Shipped/*.toml`, compiled into the binary as
    /// package resources (`embedInCode`), so no resource bundle has to travel with vmtui.
    public static let sources: [String: String] = [
        "default": String(decoding: PackageResources.default_toml, as: UTF8.self),
        "high-contrast": String(decoding: PackageResources.high_contrast_toml, as: UTF8.self),
        "light": String(decoding: PackageResources.light_toml, as: UTF8.self),
        "monochrome": String(decoding: PackageResources.monochrome_toml, as: UTF8.self),
    ]

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
