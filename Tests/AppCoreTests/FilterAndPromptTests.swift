import AppCore
import DisplayText
import VoicemailModel
import XCTest

final class FilterAndPromptTests: XCTestCase {
    func testLiveFilterByNameNumberAndTranscription() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        state.type("dana")
        XCTAssertEqual(state.visibleIDs, ["m1", "m4"], "Bob's transcription mentions Dana")
        state.press(.control("u"))
        state.type("+86")
        XCTAssertEqual(state.visibleIDs, ["m2"])
        state.press(.control("u"))
        state.type("EVIL NAME")
        XCTAssertEqual(state.visibleIDs, ["m3"], "matches the sanitised, case-folded name")
        state.press(.enter)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.filter, "EVIL NAME")
        XCTAssertEqual(state.selectedMessage?.id, "m3")
    }

    func testFilterFollowsTheListWhateverChangesIt() {
        var state = Fixtures.loaded()
        state.setFilter("dana")
        XCTAssertEqual(state.visibleIDs, ["m1", "m4"])
        // A refreshed list, out of order: shown newest first, and the filter reads the new text.
        var renamed = state.messages.reversed().map { $0 }
        if let index = renamed.firstIndex(where: { $0.id == "m2" }) { renamed[index].callerName = "Dana Again" }
        state.replaceMessages(renamed)
        XCTAssertEqual(state.messages.map(\.id), Fixtures.loaded().messages.map(\.id))
        XCTAssertEqual(state.visibleIDs, ["m1", "m4", "m2"], "in list order, newest first")
        state.removeMessages(["m1"])
        XCTAssertEqual(state.visibleIDs, ["m4", "m2"])
        var changed = state.messages.first { $0.id == "m4" }!
        changed.callerName = "Nobody"
        changed.transcription = nil
        state.updateMessages([changed])
        state.setFilter("")
        state.setFilter("dana")
        XCTAssertEqual(state.visibleIDs, ["m2"], "an updated message is searched by its new text")
    }

    func testFilterEscClearsAndKeepsSelection() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        state.type("王")
        XCTAssertEqual(state.visibleIDs, ["m2"])
        state.press(.escape)
        XCTAssertEqual(state.filter, "")
        XCTAssertEqual(state.visibleCount, 5)
        XCTAssertEqual(state.selectedMessage?.id, "m2")
    }

    func testFolderSwitchClearsFilter() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        state.type("bob")
        state.press(.enter)
        state.type("1")
        XCTAssertEqual(state.filter, "")
    }

    func testLineEditor() {
        var editor = LineEditor()
        for key: Key in [.character("a"), .character("c"), .left, .character("b"), .end, .character("王")] {
            XCTAssertTrue(editor.handle(key))
        }
        XCTAssertEqual(editor.text, "abc王")
        XCTAssertEqual(editor.cursorColumn, 5)
        XCTAssertTrue(editor.handle(.home))
        XCTAssertTrue(editor.handle(.delete))
        XCTAssertEqual(editor.text, "bc王")
        XCTAssertTrue(editor.handle(.right))
        XCTAssertTrue(editor.handle(.backspace))
        XCTAssertEqual(editor.text, "c王")
        XCTAssertEqual(editor.cursor, 0)
        XCTAssertTrue(editor.handle(.character("\u{1B}")))
        XCTAssertEqual(editor.text, "c王", "control characters never enter")
        XCTAssertTrue(editor.handle(.control("u")))
        XCTAssertEqual(editor.text, "")
        XCTAssertFalse(editor.handle(.enter))
        XCTAssertTrue(editor.handle(.backspace), "backspace at the start is harmless")
    }

    func testPromptCursorIsExposed() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        state.type("ab")
        let frame = App.render(state, size: state.size)
        XCTAssertEqual(frame.cursor, CursorPosition(x: DisplayWidth.of(" Filter: ") + 2, y: 22))
        state.press(.enter)
        XCTAssertNil(App.render(state, size: state.size).cursor)
    }
}
