import DisplayText

/// One terminal cell: a grapheme cluster and its style role. A wide (2-column) character
/// occupies its cell and a following continuation cell whose `text` is empty.
public struct Cell: Equatable, Hashable, Sendable {
    public var text: String
    public var style: StyleRole

    public init(_ text: String = " ", style: StyleRole = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// The whole screen as data: what `view(state, size)` returns and what the terminal layer
/// flushes. Writes are clipped to the grid and never split a wide character.
public struct CellGrid: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes `text` from column `x` of row `y`, at most `maxWidth` columns (to the right edge
    /// by default). Returns the column after the last one written.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: StyleRole = .normal, maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(String(character), style: style)
                if w == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = Cell("", style: style)
                }
            }
            column += w
        }
        return column
    }

    /// Paints a rectangle with spaces in a style (backgrounds, selection bars).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: StyleRole) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                self[column, row] = Cell(" ", style: style)
            }
        }
    }

    /// Overwriting half of a wide character blanks its other half, so no orphan remains.
    private mutating func clearWide(at column: Int, y: Int) {
        guard column >= 0, column < width else { return }
        if self[column, y].isContinuation, column > 0 {
            self[column - 1, y] = Cell(" ", style: self[column - 1, y].style)
        } else if column + 1 < width, self[column + 1, y].isContinuation,
            DisplayWidth.of(self[column, y].text) == 2
        {
            self[column + 1, y] = Cell(" ", style: self[column + 1, y].style)
        }
    }

    /// The screen as plain text, one line per row, trailing spaces kept.
    public func text() -> String {
        (0..<height).map { row(text: $0) }.joined(separator: "\n")
    }

    public func row(text y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation {
            line += self[x, y].text
        }
        return line
    }

    /// One line per row naming the style of each run, for snapshot tests of styles:
    /// `3: 0-9 header | 10-79 normal`.
    public func styleRuns() -> String {
        (0..<height).map { y in
            var runs: [String] = []
            var start = 0
            for x in 1...width {
                if x == width || self[x, y].style != self[start, y].style {
                    runs.append("\(start)-\(x - 1) \(self[start, y].style)")
                    start = x
                }
            }
            return "\(y): " + runs.joined(separator: " | ")
        }.joined(separator: "\n")
    }
}
