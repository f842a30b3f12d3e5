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
            "delete": ["x", "ctrl-d"], "mark_read": ["R"], "frobnicate": ["z"], "move": ["shift-m"],
            "quit": ["ctrl-c"],
        ])
        XCTAssertEqual(bindings.action(for: .character("x")), .delete)
        XCTAssertNil(bindings.action(for: .character("d")), "an action named in [keys] gets exactly those keys")
        XCTAssertEqual(bindings.action(for: .character("R")), .markRead)
        XCTAssertEqual(bindings.keys(for: .refresh), [], "R left refresh when mark-read took it")
        XCTAssertEqual(bindings.keys(for: .move), [])
        XCTAssertEqual(bindings.action(for: .control("c")), .quit)
        XCTAssertEqual(errors, [
            "[keys]: unknown action \"frobnicate\"",
            "[keys] move: unknown key \"shift-m\"",
            "[keys] quit: ctrl-c always quits",
        ])
    }

    func testSameKeyForTwoActionsIsAnError() {
        let (bindings, errors) = KeyBindings.from(table: ["down": ["n"], "up": ["n"]])
        XCTAssertEqual(bindings.action(for: .character("n")), .down)
        XCTAssertEqual(errors, ["[keys] up: \"n\" is already bound to down"])
    }

    func testTOMLTable() throws {
        let (bindings, errors) = KeyBindings.from(toml: try TOMLTableFixture.keys)
        XCTAssertEqual(bindings.action(for: .character("n")), .down)
        XCTAssertEqual(bindings.action(for: .pageDown), .delete)
        XCTAssertEqual(errors, ["[keys] quit: expected a key name or a list of key names"])
    }

    func testConfigErrorsShowInStatusLineAndRemapsWork() {
        var state = Fixtures.loaded(config: Fixtures.config(keys: ["delete": ["x"], "nope": ["y"]]))
        // The loads finished, but the config complaint is still there to read.
        XCTAssertEqual(state.status, .error("Config: [keys]: unknown action \"nope\""))
        state.press(.character("x"))
        XCTAssertEqual(state.prompt, .delete(ids: ["m1"]))
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

import TOMLKit

enum TOMLTableFixture {
    static var keys: TOMLTable {
        get throws {
            try TOMLTable(string: """
                down = ["n", "down"]
                delete = "pgdn"
                quit = 5
                """)
        }
    }
}
