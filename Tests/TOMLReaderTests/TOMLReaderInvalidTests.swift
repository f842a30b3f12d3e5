import TOMLReader
import XCTest

/// What TOML 1.0 refuses, each with its line and a reason that says why.
final class TOMLReaderInvalidTests: XCTestCase {
    private func expectError(
        _ text: String, line: Int, _ fragment: String, file: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        do {
            let table = try TOMLReader.parse(text)
            XCTFail("accepted: \(table)", file: file, line: sourceLine)
        } catch {
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.reason.contains(fragment), "\(error)", file: file, line: sourceLine)
            XCTAssertFalse(error.reason.contains("\n"), file: file, line: sourceLine)
        }
    }

    func testRedefinitions() {
        expectError("a = 1\na = 2", line: 2, "defined twice")
        expectError("a = 1\n\"a\" = 2", line: 2, "defined twice")
        expectError("[a]\n[a]", line: 2, "defined twice")
        expectError("[a]\nb = 1\n[a.b]", line: 3, "defined twice")
        expectError("a.b = 1\n[a]", line: 2, "defined twice")
        expectError("[fruit]\napple.color = 1\n[fruit.apple]", line: 3, "defined twice")
        expectError("[a.b.c]\n[a]\nb.c.d = 1", line: 3, "dotted keys cannot add")
        expectError("a = {}\n[a.b]", line: 2, "already a value")
        expectError("a = { b = 1 }\na.c = 2", line: 2, "already a value")
        expectError("x = { a = 1, a = 2 }", line: 1, "defined twice")
        expectError("a = []\n[[a]]", line: 2, "not an array of tables")
        expectError("[[a]]\n[a]", line: 2, "defined twice")
        expectError("[a]\n[[a]]", line: 2, "not an array of tables")
    }

    func testStringsRefused() {
        expectError("a = \"\\q\"", line: 1, "invalid escape \\q")
        expectError("a = \"\\uD800\"", line: 1, "not a Unicode scalar")
        expectError("a = \"\\u12\"", line: 1, "4 hexadecimal digits")
        expectError("a = \"x\ny\"", line: 1, "line break in a one-line string")
        expectError("a = \"nul\u{0}\"", line: 1, "U+0000")
        expectError("a = 'del\u{7F}'", line: 1, "U+007F")
        expectError("\na = \"\"\"\nopen", line: 3, "unterminated multi-line string")
        expectError("a = \"\"\"x\"\"\"\"\"\"", line: 1, "too many quotes")
        expectError("\"\"\"k\"\"\" = 1", line: 1, "multi-line")
        expectError("# comment with \u{1B}[31m", line: 1, "control character U+001B in a comment")
        expectError("a = 1\r", line: 1, "carriage return")
    }

    func testNumbersRefused() {
        for text in ["01", "1__0", "_1", "1_", "+0x1", "0X1", "0xG", "1.", ".5", "1.e2", "1e", "1e_2", "9223372036854775808",
                     "-9223372036854775809", "0b2", "0o8", "+-1", "00.5", "inf1", "Nan", "1,000"]
        {
            expectError("n = \(text)", line: 1, text.hasPrefix("1,") ? "line break" : "invalid")
        }
    }

    func testDatesRefused() {
        for text in ["2023-02-29", "2023-13-01", "2023-1-01", "1979-05-27T24:00:00", "1979-05-27T07:60:00",
                     "1979-05-27T07:32", "07:32", "1979-05-27T07:32:00+7:00", "1979-05-27T07:32:00.Z", "1979-05-27X07:32:00"]
        {
            expectError("d = \(text)", line: 1, "invalid")
        }
    }

    func testStructureRefused() {
        expectError("a = 1 b = 2", line: 1, "expected a line break")
        expectError("server = \"x\"\nuser = \n", line: 2, "expected a value")
        expectError("bold = = true", line: 1, "expected a value")
        expectError("bell = tru\nx = 1", line: 1, "invalid value")
        expectError("a = [1 2]", line: 1, "expected , or ]")
        expectError("a = [1,\n", line: 2, "unterminated array")
        expectError("a = {x = 1,}", line: 1, "trailing comma")
        expectError("a = {x = 1,\ny = 2}", line: 1, "one line")
        expectError("[a\nb = 1", line: 1, "expected ]")
        expectError("[[a]\n", line: 1, "expected ]]")
        expectError("[a.]", line: 1, "expected a key")
        expectError("[é]", line: 1, "expected a key")
        expectError("a.", line: 1, "expected a key after the dot")
        expectError("key", line: 1, "expected = and a value")
        expectError("= 1", line: 1, "expected a key")
    }

    func testInvalidUTF8IsRefusedWithItsLine() {
        for bytes: [UInt8] in [[0x61, 0x3D, 0x22, 0xFF, 0x22], [0x23, 0xC0, 0xAF], [0x23, 0xED, 0xA0, 0x80], [0x23, 0xE2, 0x82]] {
            XCTAssertThrowsError(try TOMLReader.parse(bytes: [0x0A] + bytes)) { error in
                XCTAssertEqual((error as? TOMLError)?.line, 2)
                XCTAssertEqual((error as? TOMLError)?.reason, "invalid UTF-8")
            }
        }
    }
}
