import TerminalUI
import XCTest

/// The user's window title is saved on the terminal's title stack and given back, never blanked.
final class TitleStackTests: XCTestCase {
    func testPushesBeforeTheFirstTitleAndPopsAtExit() {
        var stack = TitleStack(start: "\u{1B}]0;", end: "\u{07}")
        XCTAssertEqual(stack.set("vmtui — 3 unread"), "\u{1B}[22;0t\u{1B}]0;vmtui — 3 unread\u{07}")
        XCTAssertEqual(stack.set("vmtui — 2 unread"), "\u{1B}]0;vmtui — 2 unread\u{07}", "pushed once")
        XCTAssertEqual(stack.set(nil), "\u{1B}[23;0t", "exit pops instead of writing an empty title")
        XCTAssertEqual(stack.restore(), "", "popped once")
    }

    func testSuspendGivesTheTitleBackAndResumeShowsVmtuisAgain() {
        var stack = TitleStack(start: "\u{1B}]2;", end: "\u{1B}\\")
        _ = stack.set("vmtui")
        XCTAssertEqual(stack.restore(), "\u{1B}[23;0t")
        XCTAssertEqual(stack.reapply(), "\u{1B}[22;0t\u{1B}]2;vmtui\u{1B}\\")
        XCTAssertEqual(stack.restore(), "\u{1B}[23;0t")
    }

    func testNothingIsPoppedWhenNothingWasPushed() {
        var stack = TitleStack(start: "\u{1B}]0;", end: "\u{07}")
        XCTAssertEqual(stack.set(nil), "")
        XCTAssertEqual(stack.reapply(), "")
    }
}
