/// How many colours the terminal can show. `none` covers NO_COLOR and monochrome terminals.
public enum ColorDepth: Int, Sendable, Comparable {
    case none = 0
    case eight = 8
    case sixteen = 16
    case palette256 = 256

    /// The depth for a terminal reporting `colors` (terminfo's "colors" capability).
    public init(terminalColors colors: Int) {
        switch colors {
        case 256...: self = .palette256
        case 16..<256: self = .sixteen
        case 8..<16: self = .eight
        default: self = .none
        }
    }

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Maps theme colours to palette indices a terminal of a given depth can show, by nearest
/// colour in the xterm palette. -1 means the terminal's default colour.
public enum ColorReduction {
    /// The colour index to use, or nil when the terminal shows no colour at all.
    public static func index(for color: ThemeColor, depth: ColorDepth) -> Int? {
        guard depth != .none else { return nil }
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let index) where index < depth.rawValue:
            return index
        case .indexed(let index):
            let rgb = XtermPalette.rgb(of: index)
            return nearest(rgb, depth: depth)
        case .rgb(let red, let green, let blue):
            return nearest((Int(red), Int(green), Int(blue)), depth: depth)
        }
    }

    /// The 256-colour case skips 0–15, whose actual look varies with every user's terminal
    /// settings; the cube and gray ramp are the same everywhere.
    static func nearest(_ rgb: (Int, Int, Int), depth: ColorDepth) -> Int {
        guard depth == .palette256 else { return basic(rgb, bright: depth == .sixteen) }
        var best = 16
        var bestDistance = Int.max
        for index in 16...255 {
            let distance = XtermPalette.distance(rgb, XtermPalette.rgb(of: index))
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// With 8 or 16 colours, nearest-by-distance turns light reds and blues into grays; the
    /// hue is what a theme means there, so saturated colours keep their hue (bright variant
    /// for light ones) and only nearly gray colours become black, gray or white.
    static func basic(_ rgb: (Int, Int, Int), bright allowBright: Bool) -> Int {
        let (r, g, b) = rgb
        let high = max(r, g, b)
        let low = min(r, g, b)
        let chroma = high - low
        if chroma < 48 {
            let level = (high + low) / 2
            let grays: [(index: Int, level: Int)] =
                allowBright ? [(0, 0), (8, 127), (7, 229), (15, 255)] : [(0, 0), (7, 229)]
            return grays.min { abs($0.level - level) < abs($1.level - level) }!.index
        }
        var hue: Double
        if high == r {
            hue = 60 * Double(g - b) / Double(chroma)
        } else if high == g {
            hue = 60 * Double(b - r) / Double(chroma) + 120
        } else {
            hue = 60 * Double(r - g) / Double(chroma) + 240
        }
        if hue < 0 { hue += 360 }
        // Sectors of 60° centred on red, yellow, green, cyan, blue, magenta.
        let sectorColors = [1, 3, 2, 6, 4, 5]
        let color = sectorColors[Int(((hue + 30) / 60).rounded(.down)) % 6]
        return allowBright && high >= 230 ? color + 8 : color
    }
}

/// xterm's default palette.
public enum XtermPalette {
    static let standard: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    public static func rgb(of index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return standard[index]
        case 16..<232:
            let cube = index - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        default:
            let level = 8 + 10 * (min(index, 255) - 232)
            return (level, level, level)
        }
    }

    /// "Redmean" weighted distance: cheap and much closer to perceived difference than plain
    /// Euclidean RGB distance (it keeps dark blues from turning black, for instance).
    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let meanRed = (a.0 + b.0) / 2
        let dr = a.0 - b.0
        let dg = a.1 - b.1
        let db = a.2 - b.2
        // Parenthesised: in Swift, >> binds tighter than *.
        return (((512 + meanRed) * dr * dr) >> 8) + 4 * dg * dg + (((767 - meanRed) * db * db) >> 8)
    }
}
