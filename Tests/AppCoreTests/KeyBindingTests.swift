import AppCore
import XCTest

final class KeyBindingTests: XCTestCase {
    func testKeySpecs() {
        XCTAssertEqual(KeySpec.parse("j"), .character("j"))
        XCTAssertEqual(KeySpec.parse("G"), .character("G"))
        XCTAssertEqual(KeySpec.parse("down"), .down)
        XCTAssertEqual(KeySpec.parse("ctrl-l"), .control("l"))
        XCTAssertEqual(KeySpec.parse("C-X"), .control("x"))
        XCTAssertEqual(KeySpec.parse("pgdn"), .pageDown)
        XCTAssertEqual(KeySpec.parse("PageUp"), .pageUp)
        XCTAssertEqual(KeySpec.parse("space"), .character(" "))
        XCTAssertEqual(KeySpec.parse("enter"), .enter)
        XCTAssertEqual(KeySpec.parse("f5"), .function(5))
        XCTAssertNil(KeySpec.parse("ctrl-"))
        XCTAssertNil(KeySpec.parse("hyper-q"))
        XCTAssertNil(KeySpec.parse(""))
    }

    func testRemapMovesKeyAndReportsProblems() {
        let (bindings, errors) = KeyBindings.from(table: [
            "delete": ["x", "ctrl-d"], "frobnicate": ["z"], "move": ["shift-m"], "quit": ["ctrl-c"],
        ])
        XCTAssertEqual(bindings.action(for: .character("x")), .delete)
        XCTAssertNil(bindings.action(for: .character("d")), "an action named in [keys] gets exactly those keys")
        XCTAssertEqual(bindings.keys(for: .move), [.character("m")], "a remap with no usable key keeps the defaults")
        XCTAssertEqual(bindings.keys(for: .quit), [.character("q")])
        XCTAssertEqual(bindings.action(for: .control("c")), .quit)
        XCTAssertEqual(errors, [
            "[keys]: unknown action \"frobnicate\"",
            "[keys] move: unknown key \"shift-m\"",
            "[keys] move: no usable key left; its defaults are kept",
            "[keys] quit: ctrl-c always quits",
            "[keys] quit: no usable key left; its defaults are kept",
        ])
    }

    /// Hardening 20: a remap that would take another action's key is refused, naming both.
    func testStealingAnotherActionsKeyIsRefusedAndDefaultsKept() {
        let (bindings, errors) = KeyBindings.from(table: ["mark_read": ["R"], "help": ["q"]])
        XCTAssertEqual(bindings.keys(for: .refresh), [.character("R")], "refresh keeps its only key")
        XCTAssertEqual(bindings.keys(for: .markRead), [.character("r")], "mark-read keeps its defaults")
        XCTAssertEqual(bindings.action(for: .character("q")), .quit, "quit is never left without its key")
        XCTAssertEqual(errors, [
            "[keys] help: \"q\" is quit's key; remap quit too or pick another key (defaults kept)",
            "[keys] mark-read: \"R\" is refresh's key; remap refresh too or pick another key (defaults kept)",
        ])
    }

    func testAnEmptyListLeavesNoActionWithoutAKey() {
        let (bindings, errors) = KeyBindings.from(table: ["quit": []])
        XCTAssertEqual(bindings.keys(for: .quit), [.character("q")])
        XCTAssertEqual(errors, ["[keys] quit: no usable key left; its defaults are kept"])
    }

    func testSwappingTwoKeysExplicitlyIsAllowed() {
        let (bindings, errors) = KeyBindings.from(table: ["delete": ["m"], "move": ["d"]])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(bindings.action(for: .character("m")), .delete)
        XCTAssertEqual(bindings.action(for: .character("d")), .move)
    }

    /// A refusal keeps an action on its defaults, which may in turn refuse a remap that counted
    /// on that key being free.
    func testRefusalsCascade() {
        let (bindings, errors) = KeyBindings.from(table: ["delete": ["q"], "move": ["d"]])
        XCTAssertEqual(bindings.action(for: .character("d")), .delete)
        XCTAssertEqual(bindings.action(for: .character("m")), .move)
        XCTAssertEqual(errors.count, 2, "\(errors)")
    }

    func testEveryActionHasExactlyOneBinding() {
        XCTAssertEqual(BindingTable.all.map(\.action), Action.allCases)
    }

    func testSameKeyForTwoActionsIsAnError() {
        let (bindings, errors) = KeyBindings.from(table: ["down": ["n"], "up": ["n"]])
        XCTAssertEqual(bindings.action(for: .character("n")), .down)
        XCTAssertEqual(errors, ["[keys] up: \"n\" is already bound to down"])
    }

    func testConfigErrorsShowInStatusLineAndRemapsWork() {
        var state = Fixtures.loaded(config: Fixtures.config(keys: ["delete": ["x"], "nope": ["y"]]))
        // The loads finished, but the config complaint is still there to read.
        XCTAssertEqual(state.status, .error("Config: [keys]: unknown action \"nope\""))
        state.press(.character("x"))
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["m1"]))
    }

    func testEveryActionHasADefaultKey() {
        for action in Action.allCases {
            XCTAssertFalse(KeyBindings.defaults.keys(for: action).isEmpty, "\(action)")
            XCTAssertEqual(Action(name: action.rawValue), action)
        }
        XCTAssertEqual(Action(name: "page_down"), .pageDown)
        XCTAssertEqual(Action(name: "markread"), .markRead)
    }
}
