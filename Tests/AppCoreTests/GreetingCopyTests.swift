import VoicemailBackend
import VoicemailModel
import XCTest

@testable import AppCore

/// Greetings `c` (copy one greeting onto another) and the temporary greeting's row.
final class GreetingCopyTests: XCTestCase {
    private static let temporary = GreetingInfo(
        type: .temporary, present: true, duration: 4, format: .wav, size: 64_044, updated: Fixtures.date("2026-11-30T08:00:00Z"))

    func testCopyAsksWhichGreetingThenCopies() {
        var state = GreetingsTests.opened()
        XCTAssertEqual(state.press(.character("c")), [])
        guard case .copyGreeting(.unavailable, let targets, _)? = state.prompt else { return XCTFail("\(String(describing: state.prompt))") }
        XCTAssertEqual(targets, [.busy, .name, .temporary])
        XCTAssertTrue(App.view(state, size: state.size).text().contains(
            "Copy the Unavailable greeting onto (2 busy, 3 name, 4 temporary):"))
        state.type("2")
        guard case .copy(let id, "101", .unavailable, .busy)? = state.press(.enter).first?.greetingsEffect else {
            return XCTFail()
        }
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.greetings?.activity, .copying(from: .unavailable, to: .busy))
        XCTAssertEqual(state.status, .busy("Copying the Unavailable greeting onto Busy…"))
        // Another change waits for this one.
        XCTAssertEqual(state.press(.character("x")), [])
        let busy = GreetingInfo(type: .busy, present: true, duration: 6, format: .wav, size: 96_044)
        state.send(.greetings(.copied(id, .success(busy))))
        XCTAssertNil(state.greetings?.activity)
        XCTAssertEqual(state.greetings?.items[1], busy)
        XCTAssertEqual(state.status, .success("Copied the Unavailable greeting onto Busy"))
    }

    func testARecordedDestinationIsReplacedOnlyAfterYes() {
        var state = GreetingsTests.opened()
        state.press(.character("c"))
        state.type("name")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.prompt?.confirmation?.question, "Replace the recorded Name greeting with a copy of Unavailable?")
        XCTAssertEqual(state.press(.character("n")), [])
        XCTAssertEqual(state.status, .info("Not copied"))
        state.press(.character("c"))
        state.type("3")
        state.press(.enter)
        guard case .copy(let id, _, .unavailable, .name)? = state.press(.character("y")).first?.greetingsEffect else {
            return XCTFail()
        }
        state.send(.greetings(.copied(id, .failure(AppError(.forbidden, "read-only access")))))
        XCTAssertEqual(state.greetings?.items[2], GreetingsTests.list[2], "a refused copy changes nothing")
        XCTAssertEqual(
            state.status, .error("Could not copy the Unavailable greeting onto Name (it is unchanged): permission denied (read-only access)"))
    }

    func testWrongAnswersKeepThePromptAndEscCancels() {
        var state = GreetingsTests.opened()
        state.press(.character("c"))
        state.type("unavailable")  // itself: not offered
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertNotNil(state.prompt)
        XCTAssertEqual(
            state.status, .error("Not a greeting to copy onto: \"unavailable\" (2 busy, 3 name, 4 temporary)"))
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .info("Not copied"))
    }

    func testTheDefaultHasNothingToCopy() {
        var state = GreetingsTests.opened()
        state.press(.character("j"))
        XCTAssertEqual(state.press(.character("c")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .info("Busy has no recording to copy; callers hear the PBX default"))
    }

    func testWithoutTheCapabilityCopyIsNeitherOfferedNorSent() {
        var state = Fixtures.loaded()
        var capabilities = BackendCapabilities.everything
        capabilities.supported.remove(.greetingCopy)
        state.send(.capabilitiesLoaded(.success(capabilities)))
        guard case .load(let id, _)? = state.press(.character("G")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.loaded(id, .success(GreetingsTests.list))))
        XCTAssertFalse(App.view(state, size: state.size).text().contains("c copy"))
        XCTAssertEqual(state.press(.character("c")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .error("This PBX cannot copy one greeting onto another"))
    }

    /// Wazo: unavailable, busy and name only: no temporary row, none offered to copy onto.
    func testABackendWithoutTheTemporaryGreetingShowsNoRow() {
        var state = Fixtures.loaded()
        state.send(.capabilitiesLoaded(.success(BackendCapabilities(
            supported: [.greetings, .greetingUpload, .greetingCopy], greetingTypes: [.unavailable, .busy, .name]))))
        guard case .load(let id, _)? = state.press(.character("G")).first?.greetingsEffect else { return XCTFail() }
        state.send(.greetings(.loaded(id, .success(GreetingsTests.list))))
        XCTAssertEqual(state.greetings?.items.map(\.type), [.unavailable, .busy, .name])
        XCTAssertFalse(App.view(state, size: state.size).text().contains("Temporary"))
        state.press(.character("c"))
        guard case .copyGreeting(_, let targets, _)? = state.prompt else { return XCTFail() }
        XCTAssertEqual(targets, [.busy, .name])
    }

    /// While a temporary greeting exists, unavailable and busy say callers do not hear them.
    func testTheTemporaryGreetingSaysItOverridesUnavailableAndBusy() {
        var state = GreetingsTests.opened(greetings: GreetingsTests.list + [Self.temporary])
        var screen = App.view(state, size: state.size).text()
        XCTAssertTrue(screen.contains(" Unavailable (temporary)"), screen)
        XCTAssertTrue(screen.contains(" Busy        (temporary)"), screen)
        XCTAssertTrue(screen.contains("Callers hear the Temporary greeting instead of this one while it exists."), screen)
        state.press(.character("G"), .character("k"))
        state = GreetingsTests.opened(greetings: GreetingsTests.list + [Self.temporary])
        state.press(.character("j"), .character("j"), .character("j"))
        screen = App.view(state, size: state.size).text()
        XCTAssertTrue(screen.contains(" Temporary   in use"), screen)
        XCTAssertTrue(screen.contains("Temporary: while it exists, callers hear it instead of the Unavailable and the"), screen)
        // Without one, the row says it is not in use (not "PBX default": there is none).
        state = GreetingsTests.opened()
        XCTAssertTrue(App.view(state, size: state.size).text().contains(" Temporary   not in use"))
    }

    func testCopyingOntoTheTemporaryGreetingSaysWhatCallersHearNow() {
        var state = GreetingsTests.opened()
        state.press(.character("c"))
        state.type("temp")
        guard case .copy(let id, _, .unavailable, .temporary)? = state.press(.enter).first?.greetingsEffect else {
            return XCTFail()
        }
        state.send(.greetings(.copied(id, .success(Self.temporary))))
        XCTAssertEqual(
            state.status, .success("Copied the Unavailable greeting onto Temporary; callers now hear it instead of Unavailable and Busy"))
    }

    /// Resetting the temporary greeting removes it: there is no default to go back to.
    func testRemovingTheTemporaryGreetingSaysWhatCallersHearAgain() {
        var state = GreetingsTests.opened(greetings: GreetingsTests.list + [Self.temporary])
        state.press(.character("j"), .character("j"), .character("j"))
        state.press(.character("x"))
        XCTAssertEqual(
            state.prompt?.confirmation?.question, "Remove the Temporary greeting (callers hear Unavailable and Busy again)?")
        guard case .reset(let id, _, .temporary)? = state.press(.character("y")).first?.greetingsEffect else {
            return XCTFail()
        }
        state.send(.greetings(.wasReset(id, .success(GreetingInfo(type: .temporary, present: false)))))
        XCTAssertEqual(state.status, .success("Temporary greeting removed: callers hear Unavailable and Busy again"))
        XCTAssertFalse(App.view(state, size: state.size).text().contains("(temporary)"))
        XCTAssertEqual(state.press(.character("x")), [])
        XCTAssertEqual(state.status, .info("No temporary greeting: callers hear Unavailable and Busy"))
    }
}
