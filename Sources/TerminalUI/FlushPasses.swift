/// ncurses writes each changed row from its first changed cell to its last, bridging a short
/// unchanged stretch by writing it again rather than moving the cursor (its cost model counts
/// characters). When the stretch is a pane border in another look, the bridge costs two
/// attribute switches (~40 bytes) where a cursor move costs 8: a row whose list and details
/// both changed paid that on every `j`. So the runs of a frame are sent in passes, a run
/// going to a later pass than the run before it on its row when the cells between them
/// (with the last cell of the run before) are not all in one look.
enum FlushPasses {
    /// `sameLook(row, columns)` says whether those cells of `row` share one look.
    static func group(_ runs: [ShownGrid.Run], sameLook: (Int, Range<Int>) -> Bool) -> [[ShownGrid.Run]] {
        var passes: [[ShownGrid.Run]] = []
        var previous: (row: Int, pass: Int, end: Int)?
        for run in runs {
            var pass = 0
            if let previous, previous.row == run.row {
                pass = sameLook(run.row, (previous.end - 1)..<run.start) ? previous.pass : previous.pass + 1
            }
            previous = (run.row, pass, run.end)
            if passes.count <= pass { passes.append([]) }
            passes[pass].append(run)
        }
        return passes
    }
}
