import SafeTOML
import XCTest

/// Errors about a value name the line where its key is written, as the TOML reader saw it:
/// text that only looks like a key (inside a multi-line string) and keys in inline tables
/// fooled the line scanner that came before.
final class ConfigReaderLineTests: XCTestCase {
    func testKeyAfterAMultiLineStringThatMentionsIt() throws {
        let reader = try ConfigReader(parsing: """
            on_new_message = \"\"\"
            timeout = 1
            \"\"\"
            timeout = "soon"
            """, path: "c.toml")
        XCTAssertThrowsError(try reader.number("timeout")) { error in
            XCTAssertEqual((error as? SettingsError)?.description, "c.toml:4: \"timeout\" must be a number")
        }
    }

    func testKeyInAnInlineTable() throws {
        let reader = try ConfigReader(parsing: "server = \"x\"\nkeys = { quit = \"q\", play = 3 }\n", path: "c.toml")
        XCTAssertThrowsError(try reader.keyTable()) { error in
            XCTAssertEqual((error as? SettingsError)?.line, 2)
        }
    }

    func testQuotedAndDottedKeys() throws {
        let reader = try ConfigReader(parsing: "\n\"bell\" = 1\nkeys.play = 3\n", path: "c.toml")
        XCTAssertThrowsError(try reader.bool("bell")) { error in
            XCTAssertEqual((error as? SettingsError)?.line, 2)
        }
        XCTAssertThrowsError(try reader.keyTable()) { error in
            XCTAssertEqual((error as? SettingsError)?.line, 3)
        }
    }

    func testUnknownKeyWarningsNameTheTableHeader() throws {
        let reader = try ConfigReader(parsing: "server = \"x\"\n\n[colours]\nred = 1\n", path: "c.toml")
        XCTAssertEqual(reader.unknownKeyWarnings(known: ["server"]).map(\.description), ["c.toml:3: unknown key \"colours\" (ignored)"])
    }
}
