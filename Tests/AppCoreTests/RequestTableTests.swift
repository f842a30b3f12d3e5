import AppCore
import VoicemailModel
import XCTest

/// `AppState.pending` is the only record of what was asked: every answer is matched through
/// it, a request the screen no longer wants is cancelled, and nothing is left behind.
final class RequestTableTests: XCTestCase {
    func testAFolderSwitchCancelsTheLoadItSupersedes() throws {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let first, _, .old, _))? = state.press(.character("1")).first else { return XCTFail() }
        let effects = state.press(.character("2"))
        XCTAssertTrue(effects.contains(.cancel(first)), "\(effects)")
        XCTAssertNil(state.pending[first])
        XCTAssertEqual(state.send(.list(.folderLoaded(first, .success(.loaded(messages: Fixtures.inbox, etag: nil))))), [])
        XCTAssertEqual(state.folder, .work)
        XCTAssertTrue(state.isLoading, "the late answer of Old did not fill Work")
    }

    func testAnsweredRequestsAreNotCancelled() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, .old, _))? = state.press(.character("1")).first else { return XCTFail() }
        let effects = state.send(.list(.folderLoaded(id, .success(.loaded(messages: [], etag: nil)))))
        XCTAssertFalse(effects.contains(.cancel(id)))
        XCTAssertTrue(state.pending.isEmpty, "\(state.pending)")
    }

    func testClosingGreetingsCancelsTheirLoadAndIgnoresItsLateAnswer() {
        var state = Fixtures.loaded()
        guard case .load(let id, _)? = state.press(.character("G")).first?.greetingsEffect else { return XCTFail() }
        XCTAssertEqual(state.greetingsLoadRequest, id)
        XCTAssertEqual(state.press(.escape), [.cancel(id)])
        XCTAssertTrue(state.pending.isEmpty, "\(state.pending)")
        XCTAssertEqual(state.send(.greetings(.loaded(id, .success(GreetingsTests.list)))), [])
        XCTAssertNil(state.greetings)
    }

    func testANewTabCancelsTheListingItReplaces() {
        var state = Fixtures.loaded()
        state.press(.character("w"), .control("u"))
        state.type("/t")
        guard case .listDirectory(let first, "/")? = state.press(.tab).first?.playbackEffect else { return XCTFail() }
        let second = state.press(.tab)
        XCTAssertEqual(second.last, .cancel(first))
        XCTAssertEqual(state.send(.playback(.directoryListed(first, .success([DirectoryEntry(name: "tmp", isDirectory: true)])))), [])
        XCTAssertEqual(state.prompt?.editor?.text, "/t", "the cancelled listing completes nothing")
        XCTAssertEqual(state.press(.escape).compactMap { if case .cancel = $0 { $0 } else { nil } }.count, 1)
        XCTAssertTrue(state.pending.isEmpty, "\(state.pending)")
    }

    func testAPlaybackLeavesTheTableWhenItEnds() {
        var config = Fixtures.config()
        config.markReadOn = .never
        var state = Fixtures.loaded(config: config)
        guard case .play(let id, _)? = state.press(.enter).first?.playbackEffect else { return XCTFail() }
        XCTAssertEqual(state.pending[id], .playback(.playing))
        state.send(.playback(.report(id, .playing(elapsed: 1, total: 42))))
        XCTAssertEqual(state.pending[id], .playback(.playing), "reports keep coming until the end")
        state.send(.playback(.report(id, .finished)))
        XCTAssertTrue(state.pending.isEmpty, "\(state.pending)")
        XCTAssertEqual(state.send(.playback(.report(id, .playing(elapsed: 2, total: 42)))), [])
        XCTAssertNil(state.audio.playback, "a report after the end starts nothing")
    }

    func testARecordingBecomesOneUploadWhoseOutcomeIsSaidAfterLeavingGreetings() {
        var state = GreetingsTests.opened()
        guard case .startRecording(let recording)? = state.press(.character("r")).first?.greetingsEffect else { return XCTFail() }
        state.press(.enter)
        let effects = state.send(.greetings(.recording(recording, .finished(path: "/run/r.wav", duration: 5, reachedLimit: false))))
        guard case .upload(let upload, _, .unavailable, _, true)? = effects.first?.greetingsEffect else { return XCTFail() }
        XCTAssertEqual(Array(state.pending.keys), [upload], "the recording's entry is gone, the upload's is there")
        state.send(.greetings(.uploadProgress(upload, bytes: 512, total: 1024)))
        XCTAssertEqual(state.transfer?.bytes, 512)
        state.press(.escape)
        XCTAssertNil(state.greetings)
        state.send(.greetings(.uploaded(upload, .failure(AppError(.server, "disk full")))))
        XCTAssertEqual(state.status, .error("Could not upload the Unavailable greeting (the old one stays): disk full"))
        XCTAssertNil(state.transfer)
        XCTAssertTrue(state.pending.isEmpty, "\(state.pending)")
    }

    func testOpeningAnotherMailboxTwiceCancelsTheFirst() {
        var state = Fixtures.loaded()
        let first = state.openingRequestAfterTyping("103")
        let second = state.openingRequestAfterTyping("104")
        XCTAssertNotNil(first)
        XCTAssertNotEqual(first, second)
        XCTAssertNil(state.pending[first!], "the first opening left the table")
        XCTAssertEqual(state.send(.picker(.mailboxOpened(first!, .success(.loaded(messages: [], etag: nil))))), [])
        XCTAssertNotEqual(state.mailbox, "103")
    }
}

private extension AppState {
    /// Types an extension in the picker and presses Enter; the opening request, if any.
    mutating func openingRequestAfterTyping(_ ext: String) -> RequestID? {
        if picker == nil { press(.character("o")) }
        type(ext)
        for case .picker(.openMailbox(let id, _, _)) in press(.enter) { return id }
        return nil
    }
}
