import AppCore
import VoicemailModel
import XCTest

/// Issue 20.6: `[` and `]` step through 0.75×, 1×, 1.25×, 1.5×, 2× while something plays,
/// the bar shows the speed when it is not 1×, and a player without a speed option says so.
final class PlaybackSpeedUpdateTests: XCTestCase {
    private func playing() throws -> (AppState, RequestID) {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 30))
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { throw XCTSkip("no play effect") }
        state.send(.playback(.report(id, .playerChosen(name: "mpv", discovered: false))))
        state.send(.playback(.report(id, .playing(elapsed: 3, total: 42))))
        return (state, id)
    }

    private func speeds(_ effects: [Effect]) -> [Double] {
        effects.compactMap { if case .setSpeed(let speed)? = $0.playbackEffect { speed } else { nil } }
    }

    func testBracketsStepThroughTheSpeedsAndStopAtTheEnds() throws {
        var (state, _) = try playing()
        var seen: [Double] = []
        for _ in 0..<5 { seen += speeds(state.press(.character("]"))) }
        XCTAssertEqual(seen, [1.25, 1.5, 2], "up to 2×, then nothing more is asked")
        XCTAssertEqual(state.status, .info("2× is the fastest"))
        seen = []
        for _ in 0..<6 { seen += speeds(state.press(.character("["))) }
        XCTAssertEqual(seen, [1.5, 1.25, 1, 0.75])
        XCTAssertEqual(state.status, .info("0.75× is the slowest"))
        XCTAssertEqual(state.audio.speed, 0.75)
    }

    func testTheBarShowsTheSpeedWhenItIsNotNormal() throws {
        var (state, _) = try playing()
        let normal = App.view(state, size: state.size).text()
        XCTAssertFalse(normal.contains("×"), normal)
        state.press(.character("]"))
        XCTAssertEqual(state.status, .info("Speed 1.25×"))
        let faster = App.view(state, size: state.size).text()
        XCTAssertTrue(faster.contains("1.25× · mpv"), faster)
    }

    /// The speed stays for the next message (the runtime's player keeps it too).
    func testTheSpeedStaysForTheNextMessage() throws {
        var (state, id) = try playing()
        state.press(.character("["))
        state.send(.playback(.report(id, .finished)))
        state.press(.character("j"))
        guard case .play(let next, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail() }
        state.send(.playback(.report(next, .playing(elapsed: 1, total: 605))))
        XCTAssertTrue(App.view(state, size: state.size).text().contains("0.75×"))
    }

    func testAPlayerWithoutASpeedOptionSaysSoInOneLine() throws {
        var (state, _) = try playing()
        state.press(.character("]"))
        state.send(.playback(.speedRefused(player: "paplay")))
        XCTAssertEqual(state.audio.speed, 1)
        XCTAssertEqual(state.status, .error("paplay cannot change the speed (mpv, ffplay and sox's play can: set `player`)"))
        XCTAssertFalse(App.view(state, size: state.size).text().contains("1.25×"))
    }

    func testNothingHappensWhenNothingPlays() {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.press(.character("]")), [])
        XCTAssertEqual(state.audio.speed, 1)
    }
}
