import AppCore
import Themes
import XCTest

final class ThemeParserTests: XCTestCase {
    private func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeParser.parse(text, name: "test", file: "test.toml", builtins: BuiltinThemes.all)
    }

    private func expectError(_ text: String, line: Int?, containing fragment: String,
                             file: StaticString = #filePath, sourceLine: UInt = #line) {
        do {
            _ = try parse(text)
            XCTFail("expected an error", file: file, line: sourceLine)
        } catch {
            XCTAssertEqual(error.file, "test.toml", file: file, line: sourceLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.message.contains(fragment), "\(error.message)", file: file, line: sourceLine)
            XCTAssertFalse(error.description.contains("\n"), file: file, line: sourceLine)
        }
    }

    func testParsesAliasesHexIndicesNamesAndAttributes() throws {
        let theme = try parse(
            """
            [colors]
            accent = "#5f87d7"
            [styles.normal]
            fg = 250
            bg = "default"
            [styles."list.selected"]
            fg = "bright-white"
            bg = "accent"
            bold = true
            reverse = false
            """)
        XCTAssertEqual(theme.styles[.normal]?.foreground, .indexed(250))
        XCTAssertEqual(theme.styles[.normal]?.background, .terminalDefault)
        let selected = theme.resolve(.listSelected)
        XCTAssertEqual(selected.foreground, .indexed(15))
        XCTAssertEqual(selected.background, .rgb(red: 0x5F, green: 0x87, blue: 0xD7))
        XCTAssertTrue(selected.bold)
        XCTAssertFalse(selected.reverse)
    }

    func testRolesFallBackFieldByFieldToTheirParents() throws {
        let theme = try parse(
            """
            [styles.normal]
            fg = "white"
            bg = "black"
            [styles.folder]
            fg = "cyan"
            [styles."folder.selected"]
            reverse = true
            """)
        let selected = theme.resolve(.folderSelected)
        XCTAssertEqual(selected.foreground, .indexed(6), "from folder")
        XCTAssertEqual(selected.background, .indexed(0), "from normal")
        XCTAssertTrue(selected.reverse)
        XCTAssertEqual(theme.resolve("list.unread").foreground, .indexed(7), "unlisted role uses normal")
    }

    func testExtendsStartsFromAShippedTheme() throws {
        let theme = try parse(
            """
            extends = "default"
            [styles.urgent]
            fg = "magenta"
            """)
        XCTAssertEqual(theme.resolve(.urgent).foreground, .indexed(5))
        XCTAssertEqual(theme.resolve(.listSelected), BuiltinThemes.standard.resolve(.listSelected))
    }

    func testSyntaxErrorNamesTheLine() {
        expectError("[styles.normal]\nfg = \"red\"\nbold = = true\n", line: 3, containing: "value")
    }

    func testUnknownColourNamesTheLineOfTheKey() {
        expectError(
            """
            [colors]
            accent = "#112233"

            [styles."list.selected"]
            bold = true
            fg = "purple-ish"
            """, line: 6, containing: "unknown colour \"purple-ish\"")
    }

    func testBadHexColour() {
        expectError("[styles.normal]\nbg = \"#12345\"\n", line: 2, containing: "#12345")
    }

    func testIndexOutOfRange() {
        expectError("[styles.header]\n\nfg = 300\n", line: 3, containing: "outside 0–255")
    }

    func testBadAttributeValue() {
        expectError("[styles.header]\nbold = \"yes\"\n", line: 2, containing: "bold must be true or false")
    }

    func testUnknownStyleKey() {
        expectError("[styles.header]\nfgg = \"red\"\n", line: 2, containing: "unknown style key \"fgg\"")
    }

    func testBadAliasNamesItsLine() {
        expectError("[colors]\nok = \"red\"\nbad = \"nope\"\n", line: 3, containing: "colour alias \"bad\"")
    }

    func testInlineTableErrorPointsAtTheRoleLine() {
        expectError("[styles]\nnormal = { fg = \"red\" }\n\"list.unread\" = { fg = \"wat\" }\n", line: 3, containing: "wat")
    }

    func testUnknownTopLevelKeyAndUnknownBase() {
        expectError("colours = 1\n", line: 1, containing: "unknown key \"colours\"")
        expectError("\nextends = \"nosuch\"\n", line: 2, containing: "unknown theme \"nosuch\"")
    }

    func testStyleMustBeATable() {
        expectError("[styles]\nnormal = \"red\"\n", line: 2, containing: "must be a table")
    }
}
