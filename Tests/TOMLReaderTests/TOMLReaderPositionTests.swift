import TOMLReader
import XCTest

/// Keys remember their line, so a config or theme error can name it; shaped like vmtui's files.
final class TOMLReaderPositionTests: XCTestCase {
    func testConfigShapedFile() throws {
        let table = try TOMLReader.parse("""
            # vmtui config
            server = "https://pbx.example.com"
            user = "alice"
            timeout = 10

            [keys]
            play = ["p", "enter"]
            quit = "q"
            """)
        XCTAssertEqual(table.position(of: "server"), TOMLPosition(line: 2, column: 1))
        XCTAssertEqual(table.position(of: "timeout")?.line, 4)
        XCTAssertEqual(table.position(of: "keys")?.line, 6, "a table is where its header is")
        let keys = try XCTUnwrap(table["keys"]?.table)
        XCTAssertEqual(keys.position(of: "quit")?.line, 8)
        XCTAssertEqual(keys["play"]?.array?.compactMap(\.string), ["p", "enter"])
    }

    func testThemeShapedFile() throws {
        let table = try TOMLReader.parse("""
            extends = "default"
            [colors]
            accent = "#5f87d7"

            [styles."list.selected"]
            fg = "black"
            bg = "accent"
            bold = true
            [styles]
            normal = { fg = "white", bg = 0 }
            """)
        XCTAssertEqual(table.position(at: ["styles", "list.selected", "bg"])?.line, 7)
        XCTAssertEqual(table.position(at: ["styles", "list.selected"])?.line, 5)
        XCTAssertEqual(table.position(at: ["styles", "normal", "bg"]), TOMLPosition(line: 10, column: 26))
        XCTAssertEqual(table.position(at: ["styles", "list.selected", "nosuch"])?.line, 5, "nearest written ancestor")
        XCTAssertEqual(table.position(at: ["styles"])?.line, 9, "defined by [styles], after [styles.\"…\"] named it")
        XCTAssertNil(table.position(at: ["nosuch"]))
    }

    func testImplicitTableTakesItsHeaderLineWhenDefined() throws {
        let table = try TOMLReader.parse("[a.b]\n\n[a]\nx = 1\n")
        XCTAssertEqual(table.position(of: "a")?.line, 3)
    }

    func testColumnsCountCharactersNotBytes() {
        XCTAssertThrowsError(try TOMLReader.parse("s = \"été\" x")) { error in
            XCTAssertEqual(error as? TOMLError, TOMLError(line: 1, column: 11, reason: "expected a line break after a value"))
        }
    }
}
