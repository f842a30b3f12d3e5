@testable import AppCore
import XCTest

/// The footers come from the binding table: each binding's hints, by group, then in the
/// table's order. The orders below are the ones the footer was written by hand in before.
final class FooterTableTests: XCTestCase {
    private func words(_ state: AppState) -> [String] { StatusView.hints(state).map(\.1) }

    func testTheFolderPaneFooter() {
        var state = Fixtures.loaded()
        state.press(.tab)
        XCTAssertEqual(state.focus, .folders)
        XCTAssertEqual(words(state), ["help", "quit", "folder", "list", "jump", "refresh"])
        XCTAssertEqual(StatusView.hints(state).map(\.0), ["?", "q", "j/k", "Tab", "0-4", "R"])
    }

    func testTheListFooterWhilePlayingAndNot() {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40))
        XCTAssertEqual(
            words(state),
            ["help", "quit", "play", "select", "tag", "read", "unread", "move", "delete", "fwd", "filter", "save",
             "greetings", "folder"])
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail() }
        state.send(.playback(.report(id, .paused(elapsed: 1, total: 42))))
        XCTAssertEqual(Array(words(state).prefix(7)), ["help", "quit", "resume", "stop", "seek", "next/prev", "speed"])
    }

    func testTheGreetingsFooterWhileAGreetingPlays() {
        var state = GreetingsTests.opened()
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail() }
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 6))))
        XCTAssertEqual(
            words(state), ["help", "back", "pause", "stop", "seek", "speed", "choose", "upload", "record", "reset", "copy"],
            "no next/prev for a greeting, and Enter is named once")
    }
}
