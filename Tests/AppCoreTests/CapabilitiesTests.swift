import AppCore
import VoicemailBackend
import VoicemailModel
import XCTest

/// Issue 8.2 on the screen: what the backend lacks is hidden from footer and help and,
/// pressed anyway, answers one line and sends nothing.
final class CapabilitiesTests: XCTestCase {
    private func wildix(size: TerminalSize = TerminalSize(width: 200, height: 40)) -> AppState {
        var state = Fixtures.loaded(size: size)
        state.send(.capabilitiesLoaded(.success(.wildixDocumented)))
        return state
    }

    func testMissingActionsRefuseWithOneLineAndSendNothing() {
        var state = wildix()
        let refused: [(Key, BackendCapability)] = [
            (.character("u"), .markUnread), (.character("m"), .move), (.character("f"), .forward),
            (.character("G"), .greetings), (.character("o"), .sharedMailboxes),
        ]
        for (key, capability) in refused {
            XCTAssertEqual(state.press(key), [], "\(key) sent something")
            XCTAssertNil(state.prompt, "\(key) opened a prompt")
            XCTAssertNil(state.audio.greetings)
            XCTAssertEqual(state.status, .error("This PBX" + capability.refusal.dropFirst("this PBX".count)))
        }
        // What every backend can do still works.
        XCTAssertEqual(state.press(.character("d")), [])
        XCTAssertEqual(state.prompt, .actions(.delete(ids: ["m1"])))
    }

    func testFooterAndHelpLeaveOutWhatTheBackendLacks() {
        var state = wildix()
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains("d delete"), footer)
        XCTAssertTrue(footer.contains("r read"), footer)
        for missing in ["u unread", "m move", "f fwd", "G greetings"] {
            XCTAssertFalse(footer.contains(missing), "\(missing) in \(footer)")
        }
        state.press(.character("?"))
        let help = App.view(state, size: state.size).text()
        XCTAssertTrue(help.contains("Delete"), help)
        for missing in ["Mark unread", "Move to a folder", "Forward to extensions", "Greetings (record", "Open another mailbox"] {
            XCTAssertFalse(help.contains(missing), "\(missing) in help")
        }
    }

    func testEverythingOfferedByDefault() {
        let state = Fixtures.loaded(size: TerminalSize(width: 200, height: 40))
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        for shown in ["u unread", "m move", "f fwd", "G greetings"] { XCTAssertTrue(footer.contains(shown), footer) }
    }

    func testAFailedCapabilityLoadOffersEverything() {
        var state = Fixtures.loaded()
        state.send(.capabilitiesLoaded(.failure(AppError(.network, "cannot reach"))))
        XCTAssertEqual(state.capabilities, .everything)
        state.press(.character("m"))
        guard case .actions(.move)? = state.prompt else { return XCTFail("move refused: \(state.status)") }
    }
}
