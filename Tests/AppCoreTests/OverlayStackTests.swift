import AppCore
import XCTest

/// The overlays are one value: at most one of each kind, always in the one order, each with
/// its own state.
final class OverlayStackTests: XCTestCase {
    func testAnOverlayTakesItsPlaceWhateverOpenedFirst() {
        var state = Fixtures.loaded()
        state.present(.prompt(.filter(editor: LineEditor("bob"))))
        state.present(.greetings(GreetingsState(mailbox: nil)))
        state.present(.help(scroll: 0))
        XCTAssertEqual(state.overlays, [.prompt, .help, .greetings], "a later greetings screen still lies under the prompt")
        XCTAssertEqual(state.topOverlay, .prompt)
    }

    func testPresentingAKindAgainReplacesItInPlace() {
        var state = Fixtures.loaded()
        state.present(.help(scroll: 0))
        state.present(.greetings(GreetingsState(mailbox: nil)))
        state.helpScroll = 7
        XCTAssertEqual(state.presented.first, .help(scroll: 7))
        state.present(.help(scroll: 2))
        XCTAssertEqual(state.overlays, [.help, .greetings], "still one help")
        XCTAssertEqual(state.helpScroll, 2)
    }

    func testClosingOneLeavesTheOthersAndTheirState() {
        var state = Fixtures.loaded()
        var greetings = GreetingsState(mailbox: "102")
        greetings.selection = 2
        state.present(.greetings(greetings))
        state.prompt = .filter(editor: LineEditor("x"))
        state.prompt = nil
        XCTAssertEqual(state.overlays, [.greetings])
        XCTAssertEqual(state.greetings, greetings)
        state.helpScroll = 5
        XCTAssertFalse(state.showHelp, "scrolling a closed help opens nothing")
        state.dismiss(.greetings)
        XCTAssertEqual(state.presented, [])
    }
}
