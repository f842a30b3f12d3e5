import AppCore

/// The grid the terminal shows now. A new frame is compared with it cell by cell and only
/// the runs that differ are handed to ncurses: unchanged rows are not touched at all, so
/// ncurses neither re-compares them nor re-sends their attributes.
struct ShownGrid {
    struct Run: Equatable {
        var row: Int
        /// Columns `start..<end`.
        var start: Int
        var end: Int
    }

    private var grid: CellGrid?

    /// The runs of `new` to draw (whole rows after a resize or an invalidate), and remembers
    /// `new` as shown.
    mutating func changes(to new: CellGrid, rows: Int, columns: Int) -> [Run] {
        defer { grid = new }
        guard let old = grid, old.width == new.width, old.height == new.height else {
            return (0..<max(0, rows)).map { Run(row: $0, start: 0, end: max(0, columns)) }
        }
        var runs: [Run] = []
        for y in 0..<max(0, rows) {
            var x = 0
            while x < columns {
                if old[x, y] == new[x, y] {
                    x += 1
                    continue
                }
                // A wide character is drawn from its first half, and both halves go together.
                var start = x
                if start > 0, new[start, y].isContinuation || old[start, y].isContinuation { start -= 1 }
                var end = x + 1
                while end < columns, old[end, y] != new[end, y] { end += 1 }
                if end < columns, new[end, y].isContinuation || old[end, y].isContinuation { end += 1 }
                if let last = runs.last, last.row == y, last.end >= start {
                    runs[runs.count - 1].end = max(last.end, end)
                } else {
                    runs.append(Run(row: y, start: start, end: end))
                }
                x = end
            }
        }
        return runs
    }
}
