import AppCore
import VoicemailModel
import XCTest

final class ScreenSnapshotTests: XCTestCase {
    private func frame(_ state: AppState) -> Frame { App.render(state, size: state.size) }

    private func press(_ state: inout AppState, _ keys: Key...) {
        for key in keys { _ = App.update(&state, .input(.key(key))) }
    }

    func testMailbox80x24() {
        assertSnapshot(frame(Fixtures.loaded()), named: "mailbox-80x24")
    }

    func testMailbox120x40WithWideCallerSelectedAndATag() {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40))
        press(&state, .character(" "), .character("j"))  // tag Bob, move to Dana, then to 王小明
        XCTAssertEqual(state.selectedMessage?.id, "m2")
        assertSnapshot(frame(state), named: "mailbox-120x40")
    }

    func testMailbox60x15() {
        assertSnapshot(frame(Fixtures.loaded(size: TerminalSize(width: 60, height: 15))), named: "mailbox-60x15")
    }

    func testDetailsShownInPlaceOfListAt60x15() {
        var state = Fixtures.loaded(size: TerminalSize(width: 60, height: 15))
        press(&state, .character("j"), .character("j"), .character("j"), .character("i"))
        XCTAssertEqual(state.selectedMessage?.id, "m3")
        assertSnapshot(frame(state), named: "details-60x15-hostile")
    }

    func testTooSmall() {
        assertSnapshot(frame(Fixtures.loaded(size: TerminalSize(width: 59, height: 15))), named: "too-small-59x15")
    }

    func testSharedMailboxHeader() {
        var (state, effects) = App.initial(config: Fixtures.config(mailbox: "102"), now: Fixtures.now)
        _ = App.update(&state, .input(.resize(TerminalSize(width: 80, height: 24))))
        for case .list(.loadMailboxes(let id)) in effects {
            _ = App.update(&state, .list(.mailboxesLoaded(id, .success([Fixtures.summary, Fixtures.sharedSummary]))))
        }
        let bobs = [VoicemailMessage(
            id: "b1", mailbox: "102", folder: .inbox, callerName: "Carol", callerNumber: "104",
            date: Fixtures.date("2026-11-27T09:59:00Z"), duration: 3)]
        for case .list(.loadFolder(let id, let mailbox, _, _)) in effects {
            XCTAssertEqual(mailbox, "102")
            _ = App.update(&state, .list(.folderLoaded(id, .success(.loaded(messages: bobs, etag: nil)))))
        }
        assertSnapshot(frame(state), named: "shared-80x24")
    }

    func testDeleteFailureErrorLine() {
        var state = Fixtures.loaded()
        var effects: [Effect] = []
        for key in [Key.character("d"), .character("y")] { effects = App.update(&state, .input(.key(key))) }
        guard case .actions(.delete(let id, _, let ids))? = effects.first else { return XCTFail("no delete: \(effects)") }
        XCTAssertEqual(ids, ["m1"])
        _ = App.update(&state, .actions(.messagesDeleted(id, .failure(AppError(.network, "connection refused")))))
        assertSnapshot(frame(state), named: "delete-failed-80x24")
    }

    func testDeletingStatusAndConfirmPrompt() {
        var state = Fixtures.loaded()
        press(&state, .character(" "), .character(" "), .character("d"))
        assertSnapshot(frame(state), named: "delete-prompt-80x24")
        press(&state, .character("y"))
        assertSnapshot(frame(state), named: "deleting-80x24")
    }

    func testForwardPromptWithInvalidInputKeepsPromptAndShowsError() {
        var state = Fixtures.loaded()
        press(&state, .character("f"))
        for c in "102*abc" { press(&state, .character(c)) }
        press(&state, .enter)
        XCTAssertNotNil(state.prompt)
        assertSnapshot(frame(state), named: "forward-invalid-80x24")
    }

    func testHelp80x24AndRemappedKeysShow() {
        var state = Fixtures.loaded(config: Fixtures.config(keys: ["delete": ["x", "ctrl-d"]]))
        press(&state, .character("?"))
        assertSnapshot(frame(state), named: "help-80x24-remapped")
    }

    func testHelp60x15Scrolls() {
        var state = Fixtures.loaded(size: TerminalSize(width: 60, height: 15))
        press(&state, .character("?"))
        assertSnapshot(frame(state), named: "help-60x15")
        press(&state, .pageDown)
        assertSnapshot(frame(state), named: "help-60x15-scrolled")
    }

    func testFilterLive() {
        var state = Fixtures.loaded()
        press(&state, .character("/"))
        for c in "王" { press(&state, .character(c)) }
        assertSnapshot(frame(state), named: "filter-80x24")
    }

    func testScrolledLongList() {
        var state = Fixtures.loaded(size: TerminalSize(width: 80, height: 24), messages: Fixtures.many(40))
        press(&state, .end, .character("k"), .character("k"))
        XCTAssertEqual(state.selection, 37)
        assertSnapshot(frame(state), named: "scrolled-80x24")
    }

    func testLoadingAnotherFolder() {
        var state = Fixtures.loaded()
        press(&state, .character("2"))
        assertSnapshot(frame(state), named: "loading-work-80x24")
    }
}
