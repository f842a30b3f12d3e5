import AppCore
import VoicemailModel
import XCTest

/// The playback bar, the save prompt, the greetings screen and a recording, at the three
/// reference sizes.
final class AudioSnapshotTests: XCTestCase {
    private let sizes = [TerminalSize(width: 80, height: 24), TerminalSize(width: 120, height: 40),
                         TerminalSize(width: 60, height: 15)]

    private func name(_ base: String, _ size: TerminalSize) -> String { "\(base)-\(size.width)x\(size.height)" }

    private func playing(size: TerminalSize, paused: Bool = false) -> AppState {
        var state = Fixtures.loaded(size: size)
        guard case .playback(.play(let id, _))? = App.update(&state, .input(.key(.enter))).first else {
            XCTFail("no play")
            return state
        }
        _ = App.update(&state, .playback(.report(id, .playerChosen(name: "mpv", discovered: false))))
        _ = App.update(&state, .playback(.report(id, .playing(elapsed: 12.2, total: 42))))
        if paused { _ = App.update(&state, .playback(.report(id, .paused(elapsed: 12.6, total: 42)))) }
        state.status = .none
        return state
    }

    func testPlaybackBar() {
        for size in sizes {
            assertSnapshot(App.render(playing(size: size), size: size), named: name("playback", size))
        }
        let size = sizes[0]
        assertSnapshot(App.render(playing(size: size, paused: true), size: size), named: "playback-paused-80x24")
        // Another message selected: the bar names the one playing.
        var state = playing(size: sizes[1])
        _ = App.update(&state, .input(.key(.character("j"))))
        assertSnapshot(App.render(state, size: sizes[1]), named: "playback-other-selected-120x40")
    }

    func testSavePrompt() {
        var state = Fixtures.loaded()
        _ = App.update(&state, .input(.key(.character("w"))))
        assertSnapshot(App.render(state, size: state.size), named: "save-prompt-80x24")
    }

    func testGreetingsScreen() {
        for size in sizes {
            var state = GreetingsTests.opened(size: size)
            if size.width == 120 {
                // Playing the unavailable greeting.
                guard case .playback(.play(let id, _))? = App.update(&state, .input(.key(.enter))).first else {
                    return XCTFail()
                }
                _ = App.update(&state, .playback(.report(id, .playerChosen(name: "mpv", discovered: false))))
                _ = App.update(&state, .playback(.report(id, .playing(elapsed: 2, total: 6))))
                state.status = .none
            }
            assertSnapshot(App.render(state, size: size), named: name("greetings", size))
        }
    }

    func testRecordingInProgress() {
        for size in sizes {
            var state = GreetingsTests.opened(size: size)
            _ = App.update(&state, .input(.key(.character("j"))))
            guard case .greetings(.startRecording(let id))? = App.update(&state, .input(.key(.character("r")))).first else {
                return XCTFail()
            }
            _ = App.update(&state, .greetings(.recording(id, .started(recorder: "arecord"))))
            _ = App.update(&state, .greetings(.recording(id, .progress(elapsed: 37.4, level: 0.05))))
            assertSnapshot(App.render(state, size: size), named: name("recording", size))
        }
    }
}
