import AppCore
import VoicemailModel
import XCTest

final class OverlayTests: XCTestCase {
    /// Hardening 1: while "Terminal too small" shows, only quit, Ctrl-C and resize act.
    func testTooSmallTerminalIgnoresEverythingButQuitAndResize() {
        var state = Fixtures.loaded()
        state.send(.input(.resize(TerminalSize(width: 30, height: 8))))
        XCTAssertEqual(state.press(.character("d")), [])
        XCTAssertNil(state.prompt, "no hidden delete prompt")
        XCTAssertEqual(state.press(.character("y")), [])
        XCTAssertEqual(state.press(.character("/")), [])
        XCTAssertEqual(state.press(.character("j")), [])
        XCTAssertEqual(state.selection, 0)
        XCTAssertEqual(state.send(.input(.mouse(MouseEvent(x: 3, y: 3, action: .press)))), [])
        XCTAssertEqual(state.press(.character("q")), [.quit])
        XCTAssertEqual(state.press(.control("c")), [.quit])
        state.send(.input(.resize(TerminalSize(width: 80, height: 24))))
        state.press(.character("d"))
        XCTAssertEqual(state.prompt, .delete(ids: ["m1"]), "keys act again once the window is big enough")
    }

    func testAPromptOpenedBeforeShrinkingTakesNoKeysWhileHidden() {
        var state = Fixtures.loaded()
        state.press(.character("d"))
        state.send(.input(.resize(TerminalSize(width: 30, height: 8))))
        XCTAssertEqual(state.press(.character("y")), [], "a hidden delete prompt cannot be confirmed")
        XCTAssertEqual(state.prompt, .delete(ids: ["m1"]))
    }

    func testTopmostOverlayTakesTheKeys() {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.overlays, [])
        state.press(.character("G"))
        XCTAssertEqual(state.overlays, [.greetings])
        state.press(.character("?"))
        XCTAssertEqual(state.overlays, [.help, .greetings])
        state.press(.escape)
        XCTAssertEqual(state.topOverlay, .greetings, "closing help goes back to the greetings")
    }
}
