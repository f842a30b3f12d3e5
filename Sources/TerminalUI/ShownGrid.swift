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
    private var looks: [UInt64] = []

    /// The runs of `new` to draw (whole rows after a resize or an invalidate), and remembers
    /// `new` as shown. `looks`, when given, holds what each cell is drawn with (row by row,
    /// `new.width` a row): a cell whose look changed is drawn again though its role did not.
    mutating func changes(to new: CellGrid, looks newLooks: [UInt64] = [], rows: Int, columns: Int) -> [Run] {
        defer {
            grid = new
            looks = newLooks
        }
        guard let old = grid, old.width == new.width, old.height == new.height, looks.count == newLooks.count else {
            return (0..<max(0, rows)).map { Run(row: $0, start: 0, end: max(0, columns)) }
        }
        let oldLooks = looks
        func differs(_ x: Int, _ y: Int) -> Bool {
            old[x, y] != new[x, y] || (!newLooks.isEmpty && oldLooks[y * new.width + x] != newLooks[y * new.width + x])
        }
        var runs: [Run] = []
        for y in 0..<max(0, rows) {
            var x = 0
            while x < columns {
                if !differs(x, y) {
                    x += 1
                    continue
                }
                // A wide character is drawn from its first half, and both halves go together.
                var start = x
                if start > 0, new[start, y].isContinuation || old[start, y].isContinuation { start -= 1 }
                var end = x + 1
                while end < columns, differs(end, y) { end += 1 }
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
