import AppCore
import VoicemailModel
import XCTest

/// Issue 20.3 on the screen: details of a message without a transcription ask for a local
/// one, debounced, newest wins, the text shown marked "(local)", a failure one status line.
/// (The inbox: m1 has the PBX's transcription, m4 and m5 have none.)
final class LocalTranscriptionTests: XCTestCase {
    private func transcribing() -> AppState {
        var config = Fixtures.config()
        config.localTranscription = true
        return Fixtures.loaded(config: config)
    }

    private func asks(_ effects: [Effect]) -> [(RequestID, String, Duration)] {
        effects.compactMap {
            guard case .transcription(.transcribe(let id, let message, let after)) = $0 else { return nil }
            return (id, message.id, after)
        }
    }

    private func cancels(_ effects: [Effect]) -> [RequestID] {
        effects.compactMap { if case .cancel(let id) = $0 { id } else { nil } }
    }

    private func screen(_ state: AppState) -> String { App.view(state, size: state.size).text() }

    func testAMessageWithTheSPBXsTranscriptionOrWithoutTheConfigAsksNothing() {
        var state = transcribing()
        XCTAssertEqual(state.selectedMessage?.id, "m1")
        XCTAssertNil(state.transcription.queued, "m1 has the PBX's transcription")

        var plain = Fixtures.loaded()
        XCTAssertTrue(asks(plain.press(.character("j"))).isEmpty, "no transcribe_command: nothing asked")
        XCTAssertEqual(plain.selectedMessage?.id, "m4")

        let effects = state.press(.character("j"))
        let asked = asks(effects)
        XCTAssertEqual(asked.map(\.1), ["m4"])
        XCTAssertEqual(asked.first?.2, TranscriptionState.debounce, "asked after a rest, not at once")
    }

    /// Moving through the list: each move cancels the request still waiting, so one run at
    /// most starts, for the message the selection rests on.
    func testMovingOnCancelsTheWaitingRequestNewestWins() throws {
        var state = transcribing()
        let first = try XCTUnwrap(asks(state.press(.character("j"))).first)  // m4
        let toM2 = state.press(.character("j"))
        XCTAssertEqual(cancels(toM2), [first.0], "m4's request is moot")
        XCTAssertTrue(asks(toM2).isEmpty, "m2 has a transcription")
        XCTAssertNil(state.transcription.queued)
        state.press(.character("j"))  // m3
        let toM5 = state.press(.character("j"))
        let last = try XCTUnwrap(asks(toM5).first)
        XCTAssertEqual(last.1, "m5")
        XCTAssertEqual(state.transcription.queued?.id, last.0)
        XCTAssertEqual(state.press(.character("j")), [], "the last row: the selection stays, so does the request")

        // The first request's late answer (it was cancelled) changes nothing.
        state.send(.transcription(.finished(first.0, .success("stale"))))
        XCTAssertTrue(state.transcription.texts.isEmpty)
    }

    /// Started, a run is left to finish when the selection moves on; its text is there on
    /// return, marked "(local)", without asking again.
    func testARunningTranscriptionFinishesAndShowsMarkedLocal() throws {
        var state = transcribing()
        let ask = try XCTUnwrap(asks(state.press(.character("j"))).first)
        XCTAssertFalse(screen(state).contains("transcribing…"), "not while it rests")
        state.send(.transcription(.started(ask.0)))
        XCTAssertTrue(screen(state).contains("transcribing…"), screen(state))

        let away = state.press(.character("k"))
        XCTAssertTrue(cancels(away).isEmpty, "a run under way is not cancelled")
        XCTAssertEqual(state.selectedMessage?.id, "m1")
        XCTAssertTrue(asks(state.press(.character("j"))).isEmpty, "back on m4: it is running already")

        state.send(.transcription(.finished(ask.0, .success("Call me about the invoice."))))
        let shown = screen(state)
        XCTAssertTrue(shown.contains("(local) Call me about the invoice."), shown)
        XCTAssertFalse(shown.contains("transcribing…"))
        XCTAssertEqual(state.status, .none)
        state.press(.character("k"))
        XCTAssertTrue(asks(state.press(.character("j"))).isEmpty, "known: not asked again")
    }

    /// A cached transcript answers without `.started`: shown at once.
    func testACachedTranscriptIsShownAtOnce() throws {
        var state = transcribing()
        let ask = try XCTUnwrap(asks(state.press(.character("j"))).first)
        state.send(.transcription(.finished(ask.0, .success("From the cache."))))
        XCTAssertTrue(screen(state).contains("(local) From the cache."), screen(state))
        XCTAssertNil(state.transcription.queued)
    }

    /// A failure or timeout is one status line; the message is not tried again on every visit.
    func testAFailureIsOneStatusLineAndNotRetriedOnEachVisit() throws {
        var state = transcribing()
        let ask = try XCTUnwrap(asks(state.press(.character("j"))).first)
        state.send(.transcription(.started(ask.0)))
        state.send(.transcription(.finished(ask.0, .failure(AppError(.other, "whisper-cli took longer than 120 s and was stopped\nmore")))))
        XCTAssertEqual(state.status, .error("Local transcription: whisper-cli took longer than 120 s and was stopped more"))
        XCTAssertFalse(screen(state).contains("transcribing…"))
        state.press(.character("k"))
        XCTAssertTrue(asks(state.press(.character("j"))).isEmpty)
    }

    /// Details hidden (a small terminal): nothing is asked until they are shown.
    func testHiddenDetailsAskNothingUntilShown() throws {
        var config = Fixtures.config()
        config.localTranscription = true
        var state = Fixtures.loaded(size: TerminalSize(width: 70, height: 16), config: config)
        XCTAssertTrue(asks(state.press(.character("j"))).isEmpty, "details hidden at this size")
        state.send(.input(.resize(TerminalSize(width: 80, height: 24))))
        XCTAssertEqual(state.transcription.queued.map(\.key.id), "m4")
    }
}
