import FoundationEssentials

/// Where vmtui's files live, one way everywhere: `~` is the home directory, and the XDG base
/// directories follow the spec (a relative `XDG_CONFIG_HOME` or `XDG_STATE_HOME` is ignored).
public enum Paths {
    public static func home(_ environment: [String: String]) -> URL {
        URL(fileURLWithPath: environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path, isDirectory: true)
    }

    /// "~" and "~/x" under the home directory; anything else unchanged.
    public static func expandTilde(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return home(environment).path + path.dropFirst()
    }

    public static func configHome(environment: [String: String]) -> URL {
        xdg("XDG_CONFIG_HOME", default: ".config", environment)
    }

    public static func stateHome(environment: [String: String]) -> URL {
        xdg("XDG_STATE_HOME", default: ".local/state", environment)
    }

    private static func xdg(_ variable: String, default relative: String, _ environment: [String: String]) -> URL {
        if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value, isDirectory: true) }
        return home(environment).appendingPathComponent(relative, isDirectory: true)
    }
}
