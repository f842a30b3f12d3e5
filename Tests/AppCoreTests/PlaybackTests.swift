import AppCore
import Foundation
import VoicemailModel
import XCTest

extension Effect {
    var playbackEffect: PlaybackEffect? { if case .playback(let effect) = self { effect } else { nil } }
    var greetingsEffect: GreetingsEffect? { if case .greetings(let effect) = self { effect } else { nil } }
}

/// Enter/p, s, ←/→, n/N, the reports of the player, and mark-read-on-play.
final class PlaybackTests: XCTestCase {
    private func playing(_ state: inout AppState, keys: Key = .enter) -> RequestID? {
        guard case .play(let id, let target)? = state.press(keys).first?.playbackEffect else {
            XCTFail("no play effect")
            return nil
        }
        XCTAssertEqual(target.messageID, state.selectedMessage?.id)
        return id
    }

    func testEnterAndPPlayTheSelectedMessage() throws {
        var state = Fixtures.loaded()
        guard case .play(let id, .message(let message, "101"))? = state.press(.enter).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(message.id, "m1")
        XCTAssertEqual(state.playbackRequest, id)
        XCTAssertEqual(state.audio.playback?.phase, .starting)
        XCTAssertEqual(state.audio.playback?.total, 42)
        state.press(.character("j"))
        guard case .play(_, .message(let second, _))? = state.press(.character("p")).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(second.id, "m4", "p plays too; a new message replaces the old playback")
    }

    func testReportsDrivePhaseAndTheFirstPlayerIsNamedOnce() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(id, .playerChosen(name: "mpv", discovered: true))))
        XCTAssertEqual(state.status, .info("Playing with mpv (found in PATH; set `player` in the config to choose)"))
        state.send(.playback(.report(id, .playing(elapsed: 12.4, total: 42))))
        XCTAssertEqual(state.audio.playback?.phase, .playing)
        XCTAssertEqual(state.audio.playback?.elapsed, 12.4)
        state.send(.playback(.report(id, .paused(elapsed: 13, total: nil))))
        XCTAssertEqual(state.audio.playback?.phase, .paused)
        XCTAssertEqual(state.audio.playback?.total, 42, "an unknown total keeps the known one")
        // A second playback does not repeat the player's name.
        state.press(.character("j"))
        let second = try XCTUnwrap(playing(&state))
        state.status = .none
        state.send(.playback(.report(second, .playerChosen(name: "mpv", discovered: true))))
        XCTAssertEqual(state.status, .none)
        XCTAssertEqual(state.audio.playback?.player, "mpv")
    }

    func testTogglePauseStopAndSeek() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        XCTAssertEqual(state.press(.enter), [], "no pause before the player runs")
        XCTAssertEqual(state.press(.right), [], "no seek before the player runs")
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        XCTAssertEqual(state.press(.enter), [.playback(.togglePause)])
        XCTAssertEqual(state.press(.character("p")), [.playback(.togglePause)])
        XCTAssertEqual(state.press(.right), [.playback(.seek(5))])
        XCTAssertEqual(state.press(.left), [.playback(.seek(-5))])
        XCTAssertEqual(state.press(.character("s")), [.playback(.stop)])
        state.send(.playback(.report(id, .stopped)))
        XCTAssertNil(state.audio.playback)
        XCTAssertEqual(state.status, .info("Stopped"))
        // Without playback, ← and → are the pane keys again and s does nothing.
        state.press(.left)
        XCTAssertEqual(state.focus, .folders)
        XCTAssertEqual(state.press(.character("s")), [])
    }

    func testPlaybackKeysAreRemappable() throws {
        var state = Fixtures.loaded(config: Fixtures.config(keys: [
            "stop": ["x"], "seek-forward": ["L"], "play": ["o"], "open-mailbox": ["M"],
        ]))
        guard case .play(let id, _)? = state.press(.character("o")).first?.playbackEffect else { return XCTFail() }
        XCTAssertEqual(state.press(.enter), [], "Enter left play when the table named other keys")
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        XCTAssertEqual(state.press(.character("x")), [.playback(.stop)])
        XCTAssertEqual(state.press(.character("L")), [.playback(.seek(5))])
        XCTAssertEqual(state.press(.character("s")), [], "s left stop")
        let hints = App.view(state, size: state.size).text()
        XCTAssertTrue(hints.contains("o pause"), hints)
        XCTAssertTrue(hints.contains("x stop"), hints)
    }

    func testNextAndPreviousFollowTheList() throws {
        var state = Fixtures.loaded()
        // Newest first: m1 (27 Nov), m4 (26 Nov), m2, m3, m5.
        let id = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(id, .playing(elapsed: 3, total: 42))))
        guard case .play(_, .message(let next, _))? = state.press(.character("n")).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(next.id, "m4")
        XCTAssertEqual(state.selectedMessage?.id, "m4", "the selection follows")
        guard case .play(_, .message(let previous, _))? = state.press(.character("N")).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(previous.id, "m1")
        XCTAssertEqual(state.press(.character("N")), [])
        XCTAssertEqual(state.status, .info("No previous message"))
    }

    func testNextAfterThePlayedMessageLeftTheList() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(id, .playing(elapsed: 0, total: 42))))
        // Marked read elsewhere meanwhile: m1 moves to Old and leaves New; m4 takes its row.
        state.removeMessages(["m1"])
        guard case .play(_, .message(let next, _))? = state.press(.character("n")).first?.playbackEffect else {
            return XCTFail()
        }
        XCTAssertEqual(next.id, "m4")
    }

    func testFailureAndMissingPlayerShowOneLine() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(id, .failed("mpv: Failed to recognize file format.\nmore"))))
        XCTAssertNil(state.audio.playback)
        XCTAssertEqual(state.status, .error("Playback failed: mpv: Failed to recognize file format. more"))
        let second = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(second, .noPlayer("No audio player found. Install one of the Debian packages mpv"))))
        XCTAssertEqual(state.status, .error("No audio player found. Install one of the Debian packages mpv"))
    }

    func testStaleReportsAreIgnored() throws {
        var state = Fixtures.loaded()
        let first = try XCTUnwrap(playing(&state))
        state.press(.character("j"))
        let second = try XCTUnwrap(playing(&state))
        // The old playback's stop arrives after the new one started.
        XCTAssertEqual(state.send(.playback(.report(first, .stopped))), [])
        XCTAssertEqual(state.playbackRequest, second)
    }

    func testNewMessageIsMarkedReadWhenPlayedToTheEnd() throws {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.count(of: .inbox).unread, 5)
        let id = try XCTUnwrap(playing(&state))
        XCTAssertEqual(state.send(.playback(.report(id, .playing(elapsed: 5, total: 42)))), [], "not on start by default")
        let effects = state.send(.playback(.report(id, .finished)))
        guard case .actions(.update(let mark, "101", ["m1"], .markRead))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertNil(state.audio.playback)
        var read = Fixtures.inbox[0]
        read.read = true
        read.folder = .old
        state.send(.actions(.messagesUpdated(mark, .success([read]))))
        XCTAssertEqual(state.count(of: .inbox).unread, 4, "the New badge drops by one")
        XCTAssertEqual(state.count(of: .old).total, 13)
        XCTAssertFalse(state.visibleIDs.contains("m1"), "it moved to Old")
    }

    func testStoppedEarlyIsNotMarkedRead() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        XCTAssertEqual(state.send(.playback(.report(id, .stopped))), [])
    }

    func testMarkReadOnStartSendsOnce() throws {
        var config = Fixtures.config()
        config.markReadOn = .start
        var state = Fixtures.loaded(config: config)
        let id = try XCTUnwrap(playing(&state))
        let effects = state.send(.playback(.report(id, .playing(elapsed: 0, total: 42))))
        guard case .actions(.update(_, _, ["m1"], .markRead))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(state.send(.playback(.report(id, .playing(elapsed: 1, total: 42)))), [])
        XCTAssertEqual(state.send(.playback(.report(id, .finished))), [])
    }

    func testMarkReadNeverAndAlreadyRead() throws {
        var config = Fixtures.config()
        config.markReadOn = .never
        var state = Fixtures.loaded(config: config)
        let id = try XCTUnwrap(playing(&state))
        XCTAssertEqual(state.send(.playback(.report(id, .finished))), [])

        var read = Fixtures.inbox
        read[0].read = true
        var other = Fixtures.loaded(messages: read)
        let second = try XCTUnwrap(playing(&other))
        XCTAssertEqual(other.send(.playback(.report(second, .finished))), [])
    }

    func testFooterShowsPlaybackKeysAndHelpListsThem() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(playing(&state))
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains("Enter pause  s stop  ←/→ seek"), footer)
        // Tall enough for the whole help (T and e made it two lines longer).
        state.send(.input(.resize(TerminalSize(width: 120, height: 44))))
        state.press(.character("?"))
        let help = App.view(state, size: state.size).text()
        for summary in ["Playing: stop", "Playing: back 5 s", "Playing: next message", "Save the audio to a file",
                        "Greetings: record"] {
            XCTAssertTrue(help.contains(summary), summary)
        }
    }
}
