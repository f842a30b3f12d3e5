import AppCore
import Glibc

/// What the terminal's locale can encode. Under a UTF-8 locale everything AppCore draws goes
/// out as it is; under any other (LANG=C, POSIX, a Latin-1 locale) ncursesw cannot encode
/// box drawing, `●` or a caller's `é`, and would drop them silently, so the terminal layer
/// turns each cell into ASCII: borders into `|` `-` `+`, markers into `*` `.` `>`, and
/// anything else it cannot show into `?` (a name stays visible, its width unchanged).
public enum Charset: Equatable, Sendable {
    case unicode
    case ascii

    /// The charset of the current C locale (call after `setlocale(LC_ALL, "")`).
    public static func ofCurrentLocale() -> Charset {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return .ascii }
        return forCodeset(String(cString: codeset))
    }

    /// `UTF-8` (glibc spells it so; others write `utf8`) is the only codeset shown as is.
    public static func forCodeset(_ codeset: String) -> Charset {
        let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "utf8" ? .unicode : .ascii
    }
}

public enum GlyphFallback {
    /// The ASCII stand-ins for the glyphs AppCore draws.
    static let replacements: [Character: Character] = [
        "│": "|", "┃": "|", "║": "|",
        "─": "-", "━": "=", "═": "=", "–": "-", "—": "-",
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "●": "*", "•": "*", "·": ".", "…": "~",
        "→": ">", "←": "<", "↑": "^", "↓": "v", "▶": ">", "⏸": "=",
    ]

    /// One grapheme as a single ASCII character: itself when it is printable ASCII, its
    /// stand-in when it has one, else `?`.
    public static func ascii(_ grapheme: String) -> String {
        guard let character = grapheme.first, grapheme.count == 1 else { return grapheme.isEmpty ? "" : "?" }
        if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
            (0x20..<0x7F).contains(scalar.value)
        {
            return grapheme
        }
        return replacements[character].map(String.init) ?? "?"
    }

    /// A whole line (a window title) under the same rules.
    public static func ascii(line: String) -> String {
        line.map { ascii(String($0)) }.joined()
    }
}

extension GlyphFallback {
    /// The grid with every cell made ASCII. A wide character becomes `?` followed by a blank
    /// (its continuation cell), so columns stay where AppCore put them.
    public static func asciiGrid(_ grid: CellGrid) -> CellGrid {
        var result = grid
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                let text = cell.isContinuation ? " " : ascii(cell.text)
                if text != cell.text { result[x, y] = Cell(text, style: cell.style) }
            }
        }
        return result
    }
}
