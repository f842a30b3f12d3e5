import AppCore
import VoicemailModel
import XCTest

/// Every `Action` is reachable from a key: its binding has default keys, and pressing the
/// first of them where its context is in force does something (an effect, or a different
/// state). Together with the exhaustive dispatch in `App.perform`, a bound action that nothing
/// handles cannot ship.
final class ActionReachabilityTests: XCTestCase {
    func testEveryActionDoesSomethingFromItsKey() {
        for action in Action.allCases {
            let binding = BindingTable.binding(for: action)
            guard let key = binding.defaultKeys.first else {
                XCTFail("\(action.rawValue) has no key")
                continue
            }
            var state = prepared(for: action)
            XCTAssertEqual(
                state.config.keyBindings.action(for: key, in: contexts(state)), action,
                "\(action.rawValue): its key \(KeySpec.display(key)) means another action here")
            let before = state
            let effects = state.press(key)
            XCTAssertTrue(
                !effects.isEmpty || state != before,
                "\(action.rawValue) (\(KeySpec.display(key))) did nothing")
        }
    }

    /// The key maps in force, topmost first, as the screen resolves them.
    private func contexts(_ state: AppState) -> [KeyContext] {
        var contexts: [KeyContext] = state.greetings != nil ? [.greetings, .mailbox] : [.mailbox]
        if state.audio.playback != nil { contexts.insert(.playback, at: 0) }
        return contexts
    }

    /// A state in which the action has something to do: a message in the middle of the list
    /// selected, and for context keys the playback or the greetings screen open.
    private func prepared(for action: Action) -> AppState {
        var state = Fixtures.loaded()
        switch action.context {
        case .mailbox:
            state.press(.character("j"), .character("j"))
            if action == .focusList { state.press(.character("h")) }
            if action == .folderNew { state.press(.character("1")) }
        case .playback:
            state.press(.character("j"))
            if case .play(let id, _)? = state.press(.enter).first?.playbackEffect {
                state.send(.playback(.report(id, .playing(elapsed: 10, total: 42))))
            }
        case .greetings:
            if case .load(let id, _)? = state.press(.character("G")).first?.greetingsEffect {
                state.send(.greetings(.loaded(id, .success([
                    GreetingInfo(type: .unavailable, present: true, duration: 6, format: .wav, size: 96_044),
                ]))))
            }
        }
        return state
    }
}
