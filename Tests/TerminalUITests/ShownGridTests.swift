import AppCore
@testable import TerminalUI
import XCTest

/// A frame hands ncurses only the cells that changed since the last one.
final class ShownGridTests: XCTestCase {
    private func grid(_ rows: [String], styles: [Int: StyleRole] = [:]) -> CellGrid {
        var grid = CellGrid(width: 10, height: rows.count)
        for (y, row) in rows.enumerated() { grid.put(row, x: 0, y: y, style: styles[y] ?? .normal) }
        return grid
    }

    func testFirstFrameIsDrawnWhole() {
        var shown = ShownGrid()
        XCTAssertEqual(shown.changes(to: grid(["a", "b"]), rows: 2, columns: 10), [
            .init(row: 0, start: 0, end: 10), .init(row: 1, start: 0, end: 10),
        ])
    }

    func testUnchangedRowsAreNotTouchedAndChangesAreRuns() {
        var shown = ShownGrid()
        _ = shown.changes(to: grid(["abcdef", "same", "xyz"]), rows: 3, columns: 10)
        let runs = shown.changes(to: grid(["abXdeY", "same", "xyz"], styles: [2: .listSelected]), rows: 3, columns: 10)
        XCTAssertEqual(runs, [
            .init(row: 0, start: 2, end: 3), .init(row: 0, start: 5, end: 6),
            .init(row: 2, start: 0, end: 3),
        ])
        XCTAssertEqual(shown.changes(to: grid(["abXdeY", "same", "xyz"], styles: [2: .listSelected]), rows: 3, columns: 10), [])
    }

    func testWideCharactersAreRedrawnFromTheirFirstHalf() {
        var shown = ShownGrid()
        _ = shown.changes(to: grid(["a山b"]), rows: 1, columns: 10)
        // Only the second half's cell differs when 山 turns into "xy"; both halves are redrawn.
        XCTAssertEqual(shown.changes(to: grid(["a山c"]), rows: 1, columns: 10), [.init(row: 0, start: 3, end: 4)])
        XCTAssertEqual(shown.changes(to: grid(["a田c"]), rows: 1, columns: 10), [.init(row: 0, start: 1, end: 3)])
        XCTAssertEqual(shown.changes(to: grid(["ax c"]), rows: 1, columns: 10), [.init(row: 0, start: 1, end: 3)])
    }

    func testANewSizeRedrawsEverything() {
        var shown = ShownGrid()
        _ = shown.changes(to: grid(["a"]), rows: 1, columns: 10)
        XCTAssertEqual(shown.changes(to: CellGrid(width: 5, height: 1), rows: 1, columns: 5), [.init(row: 0, start: 0, end: 5)])
    }

    /// A blank drawn in another look (its neighbour changed) is drawn again, though its role did not change.
    func testACellWhoseLookChangedIsDrawnAgain() {
        var shown = ShownGrid()
        var looks = [UInt64](repeating: 1, count: 20)
        _ = shown.changes(to: grid(["ab  ", "cd"]), looks: looks, rows: 2, columns: 10)
        XCTAssertEqual(shown.changes(to: grid(["ab  ", "cd"]), looks: looks, rows: 2, columns: 10), [])
        looks[2] = 7
        looks[3] = 7
        looks[11] = 7
        XCTAssertEqual(shown.changes(to: grid(["ab  ", "cd"]), looks: looks, rows: 2, columns: 10), [
            .init(row: 0, start: 2, end: 4), .init(row: 1, start: 1, end: 2),
        ])
    }
}
