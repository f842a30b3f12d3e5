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
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["m1"]), "keys act again once the window is big enough")
    }

    func testAPromptOpenedBeforeShrinkingTakesNoKeysWhileHidden() {
        var state = Fixtures.loaded()
        state.press(.character("d"))
        state.send(.input(.resize(TerminalSize(width: 30, height: 8))))
        XCTAssertEqual(state.press(.character("y")), [], "a hidden delete prompt cannot be confirmed")
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["m1"]))
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

/// Hardening 26, the screen's small things.
final class SmallThingsTests: XCTestCase {
    func testPausingReplacesThePlayerAnnouncement() throws {
        var state = Fixtures.loaded()
        guard case .playback(.play(let id, _))? = state.press(.enter).first else { return XCTFail() }
        state.send(.playback(.report(id, .playerChosen(name: "mpv", discovered: false))))
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        XCTAssertEqual(state.status, .info("Playing with mpv"))
        state.send(.playback(.report(id, .paused(elapsed: 1.5, total: 42))))
        XCTAssertEqual(state.status, .info("Paused: Enter resumes"))
        state.send(.playback(.report(id, .playing(elapsed: 1.5, total: 42))))
        XCTAssertEqual(state.status, .none)
    }

    func testRefreshSaysHowItWent() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, .inbox, _))? = state.press(.character("R")).first else { return XCTFail() }
        XCTAssertEqual(state.status, .busy("Refreshing…"))
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox, etag: "e2")))))
        XCTAssertEqual(state.status, .success("Refreshed New: 5 messages"))
        guard case .list(.loadFolder(let again, _, .inbox, _))? = state.press(.character("R")).first else { return XCTFail() }
        state.send(.list(.folderLoaded(again, .success(.notModified))))
        XCTAssertEqual(state.status, .info("Up to date"))
    }
}

/// Hardening 16: a failed load is explained in the list pane, with what to do; R retries.
final class LoadFailureTests: XCTestCase {
    private func failedStart(_ error: AppError) -> (AppState, String) {
        var (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        state.send(.input(.resize(TerminalSize(width: 100, height: 30))))
        for case .list(.loadFolder(let id, _, _, _)) in effects { state.send(.list(.folderLoaded(id, .failure(error)))) }
        return (state, App.view(state, size: state.size).text())
    }

    func testEachCauseIsNamedInThePaneWithWhatToDo() {
        let cases: [(AppError, String)] = [
            (AppError(.unauthorized, "401 invalid token"), "Wrong credentials"),
            (AppError(.network, "cannot connect to 127.0.0.1:9: connection refused"), "Cannot reach the PBX"),
            (AppError(.network, "the PBX did not answer within 30 s (timed out)"), "Timed out"),
        ]
        for (error, words) in cases {
            let (_, screen) = failedStart(error)
            XCTAssertTrue(screen.contains("Could not load New."), screen)
            XCTAssertTrue(screen.contains(words), "\(words) missing:\n\(screen)")
            XCTAssertTrue(screen.contains("press R") || screen.contains("Press R"), screen)
            XCTAssertFalse(screen.contains("No messages in New"), "an empty mailbox is not what happened")
        }
    }

    func testRRetriesAndASuccessClearsTheFailure() {
        var (state, _) = failedStart(AppError(.network, "connection refused"))
        guard case .list(.loadFolder(let id, _, .inbox, nil))? = state.press(.character("R")).first else { return XCTFail() }
        XCTAssertTrue(App.view(state, size: state.size).text().contains("Loading…"))
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox, etag: "e1")))))
        XCTAssertNil(state.loadFailure)
        XCTAssertEqual(state.visibleCount, 5)
    }
}

/// Hardening 21: a key pressed while a folder loads acts when the data arrives, or says why not.
final class KeysWhileLoadingTests: XCTestCase {
    private func loadingOld() -> (AppState, RequestID) {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, .old, _))? = state.press(.character("1")).first else {
            XCTFail("no load of Old")
            return (state, RequestID(0))
        }
        return (state, id)
    }

    private let old = [VoicemailMessage(
        id: "o1", mailbox: "101", folder: .old, read: true, callerName: "Zed", callerNumber: "109",
        date: Fixtures.now, duration: 4)]

    func testDeleteActsWhenTheMessagesArrive() {
        var (state, id) = loadingOld()
        XCTAssertEqual(state.press(.character("d")), [])
        XCTAssertEqual(state.status, .busy("Loading Old…; d acts when it is here"))
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: old, etag: nil)))))
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["o1"]))
    }

    func testMarkUnreadSendsWhenTheMessagesArrive() {
        var (state, id) = loadingOld()
        state.press(.character("u"))
        let effects = state.send(.list(.folderLoaded(id, .success(.loaded(messages: old, etag: nil)))))
        XCTAssertTrue(effects.contains { if case .actions(.update(_, _, ["o1"], .markUnread)) = $0 { true } else { false } }, "\(effects)")
    }

    func testAFailedLoadSaysTheKeyWasNotDone() {
        var (state, id) = loadingOld()
        state.press(.character("d"))
        state.send(.list(.folderLoaded(id, .failure(AppError(.network, "connection refused")))))
        XCTAssertEqual(state.status, .error("Could not load Old: connection refused (d not done)"))
        XCTAssertNil(state.prompt)
    }

    func testAnEmptyFolderSaysThereIsNothingToActOn() {
        var (state, id) = loadingOld()
        state.press(.character("r"))
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: [], etag: nil)))))
        XCTAssertEqual(state.status, .info("No message selected"))
    }

    func testSwitchingFolderDropsTheKey() {
        var (state, _) = loadingOld()
        state.press(.character("d"))
        guard case .list(.loadFolder(let work, _, .work, _))? = state.press(.character("2")).first else { return XCTFail() }
        state.send(.list(.folderLoaded(work, .success(.loaded(messages: [], etag: nil)))))
        XCTAssertNil(state.prompt)
        XCTAssertNil(state.deferredAction)
    }
}

/// Hardening 22: play on a message deleted elsewhere says so and refreshes.
final class PlayGoneMessageTests: XCTestCase {
    func testAGoneMessageRefreshesInsteadOfAPlayerError() {
        var state = Fixtures.loaded()
        guard case .playback(.play(let id, _))? = state.press(.enter).first else { return XCTFail() }
        let effects = state.send(.playback(.report(id, .messageGone)))
        XCTAssertNil(state.audio.playback)
        XCTAssertEqual(state.status, .info("That message was already deleted; list refreshed"))
        XCTAssertTrue(effects.contains(where: \.isLoadFolder), "\(effects)")
    }
}
