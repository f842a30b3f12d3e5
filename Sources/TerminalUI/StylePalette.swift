import AppCore
import CNcursesw
import Themes

/// Turns style roles into ncurses attributes and colour pairs, allocating one pair per
/// distinct (foreground, background) and caching per role, so a frame costs a dictionary
/// lookup per cell.
final class StylePalette {
    struct Entry: Equatable {
        var attributes: attr_t
        var pair: Int32
        /// Both in one number, for `ShownGrid` to compare.
        var key: UInt64 { UInt64(attributes) << 32 | UInt64(UInt32(bitPattern: pair)) }
    }

    private let theme: Theme
    private let depth: ColorDepth
    private let maxPairs: Int32
    private var byRole: [StyleRole: Entry] = [:]
    private var blankByRole: [StyleRole: Entry?] = [:]
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    init(theme: Theme, depth: ColorDepth, maxPairs: Int32) {
        self.theme = theme
        self.depth = depth
        self.maxPairs = maxPairs
    }

    func entry(for role: StyleRole) -> Entry {
        if let cached = byRole[role] { return cached }
        let style = theme.resolve(role)
        var attributes: attr_t = 0
        if style.bold { attributes |= vmtui_attr_bold() }
        if style.underline { attributes |= vmtui_attr_underline() }
        if style.reverse { attributes |= vmtui_attr_reverse() }
        if style.dim { attributes |= vmtui_attr_dim() }
        if style.italic { attributes |= vmtui_attr_italic() }
        let entry = Entry(attributes: attributes, pair: pair(for: style))
        byRole[role] = entry
        return entry
    }

    /// How a blank in `role` looks with nothing invisible on it: its background alone, in
    /// the default foreground and without attributes (see `BlankLooks`); nil when the style
    /// shows on a blank (underline, reverse).
    func blankEntry(for role: StyleRole) -> Entry? {
        if let cached = blankByRole[role] { return cached }
        let style = theme.resolve(role)
        var entry: Entry?
        if !style.underline, !style.reverse {
            entry = Entry(attributes: 0, pair: pair(for: ResolvedStyle(foreground: .terminalDefault, background: style.background)))
        }
        blankByRole[role] = entry
        return entry
    }

    private func pair(for style: ResolvedStyle) -> Int32 {
        guard let foreground = ColorReduction.index(for: style.foreground, depth: depth),
            let background = ColorReduction.index(for: style.background, depth: depth)
        else { return 0 }
        if foreground == -1, background == -1 { return 0 }
        let key = PairKey(foreground: Int32(foreground), background: Int32(background))
        if let existing = pairs[key] { return existing }
        guard nextPair < maxPairs else { return 0 }
        let number = nextPair
        guard init_extended_pair(number, key.foreground, key.background) == OK else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
