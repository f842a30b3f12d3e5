import SafeTOML
import XCTest

/// Inputs that made toml++ abort the whole process (found by ConfigFuzzTests).
final class SafeTOMLTests: XCTestCase {
    func testHeadersThatAbortedTomlPlusPlusAreRefusedWithTheirLine() {
        for text in ["[é]", "a = 1\n[.é]", "x = 1\n\n[[\u{FFFD}]]", "[ é ]", "a = 1\n[", "[.x]", "[a.]", "[[a]"] {
            XCTAssertThrowsError(try SafeTOML.parse(text), text) { error in
                let parseError = error as? SafeTOML.ParseError
                XCTAssertEqual(parseError?.line, text.split(separator: "\n", omittingEmptySubsequences: false).count, text)
            }
        }
    }

    func testNonASCIIInStringsAndCommentsIsFine() throws {
        let text = """
            # Thème « été » ✓
            name = "Élise 王小明"
            path = 'C:\\été'
            doc = \"\"\"
            [é] is text here
            \"\"\"
            raw = '''
            [é] too
            '''
            [keys] # ключи
            quit = "q"
            list = [
              [1, 2],
              ["é"],
            ]
            [ "quoted key" . 'x' ]
            [[arr.of]]
            """
        let table = try SafeTOML.parse(text)
        XCTAssertEqual(table["name"]?.string, "Élise 王小明")
        XCTAssertEqual(table["keys"]?.table?["quit"]?.string, "q")
    }

    func testErrorsAreOneLine() {
        XCTAssertThrowsError(try SafeTOML.parse("bell = tru\nx = 1")) { error in
            let reason = (error as? SafeTOML.ParseError)?.reason ?? "\n"
            XCTAssertFalse(reason.contains("\n"), reason)
            XCTAssertEqual((error as? SafeTOML.ParseError)?.line, 1)
        }
    }
}
