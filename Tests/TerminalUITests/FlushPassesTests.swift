@testable import TerminalUI
import XCTest

/// Changes separated by a border in another look go out in separate ncurses updates.
final class FlushPassesTests: XCTestCase {
    private typealias Run = ShownGrid.Run

    func testRunsAcrossABorderGoToALaterPass() {
        // Row 0: list 1..<10 and details 12..<20 with a border at 10..<12; row 1: list only.
        let runs = [Run(row: 0, start: 1, end: 10), Run(row: 0, start: 12, end: 20), Run(row: 1, start: 1, end: 10)]
        let passes = FlushPasses.group(runs) { _, columns in !columns.contains(10) }
        XCTAssertEqual(passes, [[runs[0], runs[2]], [runs[1]]])
    }

    func testRunsWithinOneLookStayTogether() {
        // "Caller 5 <105>" to "Caller 6 <106>": two runs in the same text, one pass.
        let runs = [Run(row: 3, start: 7, end: 8), Run(row: 3, start: 11, end: 12), Run(row: 4, start: 0, end: 2)]
        XCTAssertEqual(FlushPasses.group(runs) { _, _ in true }, [runs])
    }

    func testEveryBorderCrossedAddsAPass() {
        let runs = [Run(row: 0, start: 0, end: 2), Run(row: 0, start: 4, end: 6), Run(row: 0, start: 8, end: 9)]
        XCTAssertEqual(FlushPasses.group(runs) { _, _ in false }, [[runs[0]], [runs[1]], [runs[2]]])
        XCTAssertEqual(FlushPasses.group([]) { _, _ in false }, [])
    }
}
