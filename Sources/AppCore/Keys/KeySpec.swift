import SystemBasics

/// Key names as people write them in the config ("j", "down", "ctrl-l", "pgdn", "space").
public enum KeySpec {
    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "page-up": .pageUp, "prior": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "page-down": .pageDown, "next": .pageDown,
        "enter": .enter, "return": .enter, "ret": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "backtab": .backTab, "shift-tab": .backTab, "s-tab": .backTab,
        "backspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
        "space": .character(" "), "spc": .character(" "),
    ]

    /// nil when the spec names no key.
    public static func parse(_ spec: String) -> Key? {
        let trimmed = spec.trimmingSpaces()
        if trimmed.count == 1, let character = trimmed.first { return .character(character) }
        let lower = trimmed.lowercased()
        if let key = named[lower] { return key }
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter {
                return .control(letter)
            }
            return nil
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    /// The short name shown in the footer and help ("j", "↓", "C-l", "PgDn").
    public static func display(_ key: Key) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "C-\(c)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "BS"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        }
    }
}

