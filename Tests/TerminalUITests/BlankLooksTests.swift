@testable import TerminalUI
import XCTest

/// Blanks are drawn in the look that costs ncurses the fewest bytes and shows the same.
final class BlankLooksTests: XCTestCase {
    /// Looks named by letters; a blank in look X shows as plain look P unless noted.
    private typealias Column = BlankLooks.Column<String>

    private func text(_ look: String, plain: String? = "P") -> Column { .init(look: look, isBlank: false, plain: plain) }
    private func blank(_ look: String, plain: String? = "P") -> Column { .init(look: look, isBlank: true, plain: plain) }

    func testBlanksReachingTheRightEdgeTakeThePlainLook() {
        // Text in italics, then blanks in the pane's colour to the edge: erasable in one go.
        XCTAssertEqual(BlankLooks.choose([text("I"), text("I"), blank("N"), blank("N"), blank("I")]), ["I", "I", "P", "P", "P"])
    }

    func testABlankBetweenTwoLooksTakesTheOneAfterIt() {
        // "│ Hi": border, a blank in the pane's colour, italic text: one switch instead of two.
        XCTAssertEqual(BlankLooks.choose([text("B"), blank("N"), text("I"), text("I")]), ["B", "I", "I", "I"])
        // When the cell after it would show differently (another background), the look before it.
        XCTAssertEqual(BlankLooks.choose([text("I"), blank("N"), text("X", plain: "R"), text("X", plain: "R")]), ["I", "I", "X", "X"])
    }

    func testABlankKeepsItsLookWhenANeighbourHasIt() {
        // " ●" in a bold list row after the border: the blank stays bold with the row.
        XCTAssertEqual(BlankLooks.choose([text("B"), blank("L"), text("L"), text("I")]), ["B", "L", "L", "I"])
        XCTAssertEqual(BlankLooks.choose([text("L"), blank("L"), text("B"), text("I")]), ["L", "L", "B", "I"])
    }

    func testBlanksThatShowTheirStyleAreLeftAlone() {
        // Underlined or reversed blanks (plain nil), and blanks on another background.
        XCTAssertEqual(BlankLooks.choose([text("B"), blank("U", plain: nil), text("I")]), ["B", "U", "I"])
        XCTAssertEqual(BlankLooks.choose([text("B"), blank("S", plain: "G"), text("I"), blank("S", plain: nil)]), ["B", "S", "I", "S"])
        XCTAssertEqual(BlankLooks.choose([text("B", plain: "G"), blank("N"), text("I", plain: "G")]), ["B", "N", "I"])
    }
}
