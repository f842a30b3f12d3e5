/// Mouse reports in the SGR encoding (mode 1006), so clicks beyond column 223 arrive. ncurses
/// turns it on itself when the terminfo entry says so (`kmous=\E[<`, xterm's entries); for
/// entries that only know the X10 encoding (`kmous=\E[M`: tmux, screen) vmtui turns it on
/// and `InputDecoder` reads the reports, which ncurses then passes through as characters.
enum MouseProtocol {
    static let enableSGR = "\u{1B}[?1006h"
    static let disableSGR = "\u{1B}[?1006l"

    static func needsOwnSGRMode(kmous: String?) -> Bool {
        guard let kmous, !kmous.isEmpty else { return false }  // no mouse on this terminal
        return kmous != "\u{1B}[<"
    }
}
