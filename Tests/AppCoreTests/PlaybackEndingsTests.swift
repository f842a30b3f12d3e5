import AppCore
import Foundation
import VoicemailModel
import XCTest

/// What the status line says once playback or a save ends (issue 17.11, 17.2).
final class PlaybackEndingsTests: XCTestCase {
    func testAFinishedMessageNoLongerSaysPlayingWithMPV() throws {
        var config = Fixtures.config()
        config.markReadOn = .never
        var state = Fixtures.loaded(config: config)
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail("no play") }
        state.send(.playback(.report(id, .playerChosen(name: "mpv", discovered: false))))
        XCTAssertEqual(state.status, .info("Playing with mpv"))
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        state.send(.playback(.report(id, .finished)))
        XCTAssertNil(state.audio.playback)
        XCTAssertEqual(state.status, .none)
    }

    func testAnotherLineStaysWhenPlaybackFinishes() throws {
        var config = Fixtures.config()
        config.markReadOn = .never
        var state = Fixtures.loaded(config: config)
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail("no play") }
        state.status = .success("Moved 1 message to Work")
        state.send(.playback(.report(id, .finished)))
        XCTAssertEqual(state.status, .success("Moved 1 message to Work"))
    }

    func testEscCancelsASaveUnderWay() throws {
        var state = Fixtures.loaded()
        state.press(.character("w"))
        guard case .save(let id, _, _, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail("no save") }
        XCTAssertNotNil(state.transfer)
        XCTAssertEqual(state.press(.escape), [.cancel(id)])
        XCTAssertNil(state.transfer)
        XCTAssertEqual(state.status, .info("Save cancelled; nothing was written"))
        // Its answer, should one still come, changes nothing.
        state.send(.playback(.saved(id, .success("/tmp/x.wav"))))
        XCTAssertEqual(state.status, .info("Save cancelled; nothing was written"))
        // With no save under way, Esc does what it did (nothing to cancel).
        XCTAssertEqual(state.press(.escape), [])
    }
}
