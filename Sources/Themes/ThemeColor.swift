/// A colour as a theme names it. `terminalDefault` is the terminal's own foreground or
/// background (so themes can leave the user's background alone).
public enum ThemeColor: Hashable, Sendable {
    case terminalDefault
    /// An entry of the xterm 256-colour palette: 0–7 standard, 8–15 bright, 16–255 cube/grays.
    case indexed(Int)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// Standard names accepted anywhere a colour is expected, with the palette index they mean.
    public static let standardNames: [String: Int] = {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        var names: [String: Int] = [:]
        for (index, name) in base.enumerated() {
            names[name] = index
            names["bright-" + name] = index + 8
        }
        names["gray"] = 8
        names["grey"] = 8
        return names
    }()

    /// Parses "#rrggbb", "#rgb", a standard name or "default". Returns nil when it is none.
    public init?(name text: String) {
        let lowered = text.lowercased()
        if lowered == "default" || lowered == "none" {
            self = .terminalDefault
        } else if let index = ThemeColor.standardNames[lowered] {
            self = .indexed(index)
        } else if lowered.hasPrefix("#") {
            let hex = Array(lowered.dropFirst())
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            let digits: [Character]
            switch hex.count {
            case 6: digits = hex
            case 3: digits = hex.flatMap { [$0, $0] }
            default: return nil
            }
            func byte(_ at: Int) -> UInt8 { UInt8(String(digits[at...at + 1]), radix: 16)! }
            self = .rgb(red: byte(0), green: byte(2), blue: byte(4))
        } else {
            return nil
        }
    }

    /// A palette index 0–255.
    public init?(index: Int) {
        guard (0...255).contains(index) else { return nil }
        self = .indexed(index)
    }
}
