import TOMLReader
import XCTest

/// Input made to hurt: deep nesting must not overflow the stack, a huge file is refused
/// before it is read, and what an error quotes cannot steer the terminal.
final class TOMLReaderHostileTests: XCTestCase {
    func testDeepArraysAreRefusedNotACrash() {
        let text = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertThrowsError(try TOMLReader.parse(text)) { error in
            XCTAssertTrue((error as? TOMLError)?.reason.contains("nested more than 100 deep") ?? false, "\(error)")
        }
    }

    func testDeepInlineTablesAreRefused() {
        let text = "a = " + String(repeating: "{b = ", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
        XCTAssertThrowsError(try TOMLReader.parse(text))
    }

    func testDeepHeadersAndDottedKeysAreRefused() {
        let path = Array(repeating: "k", count: 50_000).joined(separator: ".")
        XCTAssertThrowsError(try TOMLReader.parse("[\(path)]"))
        XCTAssertThrowsError(try TOMLReader.parse("\(path) = 1"))
        XCTAssertThrowsError(try TOMLReader.parse("[[\(path)]]"))
    }

    func testNestingUpToTheLimitIsFine() throws {
        let limits = TOMLLimits(maxDepth: 10)
        let text = "a = " + String(repeating: "[", count: 9) + String(repeating: "]", count: 9)
        XCTAssertNotNil(try TOMLReader.parse(text, limits: limits)["a"]?.array)
        XCTAssertThrowsError(try TOMLReader.parse("a = " + String(repeating: "[", count: 11) + String(repeating: "]", count: 11), limits: limits))
    }

    func testSizeLimit() {
        let limits = TOMLLimits(maxBytes: 1000)
        XCTAssertNoThrow(try TOMLReader.parse(String(repeating: "# padding\n", count: 100), limits: limits))
        XCTAssertThrowsError(try TOMLReader.parse(String(repeating: "# padding\n", count: 101), limits: limits)) { error in
            XCTAssertEqual((error as? TOMLError)?.reason, "the document is larger than 1000 bytes")
        }
    }

    func testManyTablesAndKeysReadInOnePass() throws {
        // Not timed: it would take minutes if appending to an array of tables copied it.
        let count = 20_000
        var text = ""
        for index in 0..<count { text += "[[item]]\nid = \(index)\nname.first = \"n\(index)\"\n" }
        let items = try XCTUnwrap(TOMLReader.parse(text)["item"]?.array)
        XCTAssertEqual(items.count, count)
        XCTAssertEqual(items.last?.table?["id"]?.int, count - 1)
    }

    func testQuotedKeysInErrorsAreEscaped() {
        XCTAssertThrowsError(try TOMLReader.parse("\"\\u001B[2J\\u202E\" = 1\n\"\\u001B[2J\\u202E\" = 2")) { error in
            let reason = (error as? TOMLError)?.reason ?? ""
            XCTAssertFalse(reason.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" }, reason)
            XCTAssertTrue(reason.contains("\\u{1b}[2J\\u{202e}"), reason)
        }
    }

    func testLongKeysInErrorsAreCut() {
        let key = String(repeating: "k", count: 10_000)
        XCTAssertThrowsError(try TOMLReader.parse("\(key) = 1\n\(key) = 2")) { error in
            XCTAssertLessThan((error as? TOMLError)?.reason.count ?? .max, 100)
        }
    }

    func testUnterminatedEverythingAtTheEnd() {
        for text in ["a = \"", "a = '", "a = \"\"\"", "a = '''", "a = [", "a = {", "a = {b", "[", "[[", "a = \"\\", "a = \"\\u12", "a =", "a"] {
            XCTAssertThrowsError(try TOMLReader.parse(text), text)
        }
    }
}
