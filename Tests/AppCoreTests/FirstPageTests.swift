import AppCore
import VoicemailModel
import XCTest

/// A large folder shows its first page while the rest is fetched (issue 10): rows, the
/// folder's real total and working keys from the first page on; the full list replaces it
/// without losing the selection; a refresh never shrinks the list to one page.
final class FirstPageTests: XCTestCase {
    func testFirstPageShowsRowsAndTheTotalThenTheRestKeepsTheSelection() {
        var (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        state.send(.input(.resize(TerminalSize(width: 120, height: 40))))
        guard case .list(.loadFolder(let id, _, _, _))? = effects.first(where: { if case .list(.loadFolder) = $0 { true } else { false } })
        else { return XCTFail("no folder load") }
        let all = Fixtures.many(3000)

        state.send(.list(.folderLoaded(id, .success(.firstPage(messages: Array(all.prefix(500)), total: 3000)))))
        XCTAssertFalse(state.isLoading, "rows are shown from the first page on")
        XCTAssertEqual(state.visibleCount, 500)
        XCTAssertTrue(App.view(state, size: state.size).text().contains("1 of 3000"), "the title counts the whole folder")
        XCTAssertEqual(state.status, .busy("Loading New… 500 of 3000"))
        state.press(.character("j"), .character("j"))
        let selected = state.selectedMessage?.id
        XCTAssertEqual(state.selection, 2)

        state.send(.list(.folderLoaded(id, .success(.loaded(messages: all, etag: "e")))))
        XCTAssertEqual(state.visibleCount, 3000)
        XCTAssertEqual(state.selectedMessage?.id, selected, "the selection stays on the same message")
        XCTAssertEqual(state.status, .none)
        XCTAssertNil(state.expectedTotal)
        XCTAssertTrue(App.view(state, size: state.size).text().contains("3 of 3000"))
    }

    func testARefreshIgnoresAFirstPageAndAStaleOneIsIgnoredToo() {
        var state = Fixtures.loaded(messages: Fixtures.many(800))
        guard case .list(.loadFolder(let refresh, _, _, _))? = state.press(.character("R")).first else { return XCTFail() }
        state.send(.list(.folderLoaded(refresh, .success(.firstPage(messages: Array(Fixtures.many(800).prefix(100)), total: 800)))))
        XCTAssertEqual(state.visibleCount, 800, "a refresh keeps the full list it shows")

        guard case .list(.loadFolder(let work, _, _, _))? = state.type("2").first,
            case .list(.loadFolder(let family, _, _, _))? = state.type("3").first
        else { return XCTFail() }
        state.send(.list(.folderLoaded(work, .success(.firstPage(messages: Fixtures.many(10, folder: .work), total: 900)))))
        XCTAssertTrue(state.isLoading, "Work's first page must not fill Family")
        XCTAssertEqual(state.visibleCount, 0)
        state.send(.list(.folderLoaded(family, .success(.loaded(messages: [], etag: nil)))))
        XCTAssertFalse(state.isLoading)
    }
}
