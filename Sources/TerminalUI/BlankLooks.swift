/// A blank cell shows only its background (and underline or reverse, when it has them):
/// its foreground colour, bold and italics are invisible. ncurses cannot know that, and pays
/// for them in bytes: switching attributes costs a reset and the colours again (~20 bytes
/// on each change), and trailing blanks in a colour are written out space by space where a
/// blank in the terminal's default colours is cleared with one "erase to end of line".
/// So each blank is handed to ncurses in the look that costs least and shows the same:
/// blanks that run to the right edge take the plain look (default foreground, no
/// attributes); a run of other blanks keeps its own look when a neighbour has it, else takes
/// the look of the cell after it (the text it leads to), else of the cell before it, when
/// that shows the same on a blank.
enum BlankLooks {
    struct Column<Look: Equatable>: Equatable {
        /// What the cell's style asks for.
        var look: Look
        var isBlank: Bool
        /// How a blank in this cell's style looks with nothing invisible (default foreground,
        /// no bold, dim or italics); nil when the style shows on a blank (underline, reverse).
        var plain: Look?
    }

    /// The look to draw each cell of a row with.
    static func choose<Look: Equatable>(_ row: [Column<Look>]) -> [Look] {
        var chosen = row.map(\.look)
        var tail = row.count
        if let last = row.last, last.isBlank, let plain = last.plain {
            while tail > 0, row[tail - 1].isBlank, row[tail - 1].plain == plain { tail -= 1 }
            for x in tail..<row.count { chosen[x] = plain }
        }
        var x = 0
        while x < tail {
            guard row[x].isBlank, let plain = row[x].plain else {
                x += 1
                continue
            }
            // The run of blanks from x that look the same as one another.
            var end = x + 1
            while end < tail, row[end].isBlank, row[end].plain == plain { end += 1 }
            let before = x > 0 && row[x - 1].plain == plain ? chosen[x - 1] : nil
            let after = end < row.count && row[end].plain == plain ? chosen[end] : nil
            for column in x..<end {
                let own = row[column].look
                if own == before || own == after { continue }
                if let look = after ?? before { chosen[column] = look }
            }
            x = end
        }
        return chosen
    }
}
