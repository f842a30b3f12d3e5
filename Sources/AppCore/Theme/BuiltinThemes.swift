/// The themes shipped inside the binary (see themes/*.toml).
public enum BuiltinThemes {
    public static let defaultName = "default"
    /// Used instead of a colour theme when the terminal shows no colour (NO_COLOR, mono).
    public static let monochromeName = "monochrome"

    public static var names: [String] { BuiltinThemeSources.files.keys.sorted() }

    /// Every shipped theme, parsed once. A shipped theme that fails to parse is a build
    /// defect that the unit tests catch, so it is simply left out here.
    public static let all: [String: Theme] = {
        var themes: [String: Theme] = [:]
        for (name, text) in BuiltinThemeSources.files {
            if let theme = try? ThemeParser.parse(text, name: name, file: "\(name).toml") {
                themes[name] = theme
            }
        }
        return themes
    }()

    public static var standard: Theme { all[defaultName] ?? Theme(name: defaultName, styles: [:]) }
    public static var monochrome: Theme { all[monochromeName] ?? Theme(name: monochromeName, styles: [:]) }
}
