import Foundation
import SystemBasics
import XCTest

/// The replacements answer as Foundation did (Foundation is linked into the tests only).
final class PlainTextTests: XCTestCase {
    private let samples = [
        "", " ", "\t", "  a b  ", "\t x\t", "\u{00A0}wide\u{3000}", "\n line \n", "\r\n\u{2028}x\u{2029}\u{85}",
        "\u{0B}\u{0C}v\u{0B}", "é\u{0301} ", " \u{200B}zero-width\u{200B} ", "only\u{FEFF}", "a\u{1680}", "\u{202F}b\u{205F}",
    ]

    func testTrimmingMatchesFoundation() {
        for text in samples {
            XCTAssertEqual(text.trimmingSpaces(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
            XCTAssertEqual(
                text.trimmingSpacesAndNewlines(), text.trimmingCharacters(in: .whitespacesAndNewlines), text.debugDescription)
            XCTAssertEqual(text.dropFirst(0).trimmingSpaces(), text.trimmingCharacters(in: .whitespaces))
        }
    }

    func testCharacterClassesMatchFoundationForEveryScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(PlainText.isSpace(scalar), CharacterSet.whitespaces.contains(scalar), "U+\(String(value, radix: 16))")
            XCTAssertEqual(
                PlainText.isSpaceOrNewline(scalar), CharacterSet.whitespacesAndNewlines.contains(scalar),
                "U+\(String(value, radix: 16))")
            // Foundation's tables predate Unicode 9: the letters added since are letters here.
            if PlainText.isAlphanumeric(scalar) != CharacterSet.alphanumerics.contains(scalar) {
                let age = scalar.properties.age
                XCTAssertTrue(PlainText.isAlphanumeric(scalar), "U+\(String(value, radix: 16))")
                XCTAssertTrue(age.map { $0.major >= 9 } ?? false, "U+\(String(value, radix: 16))")
            }
        }
    }

    func testReplacingEveryMatchesFoundation() {
        let cases: [(String, String, String)] = [
            ("say \"hi\" \"there\"", "\"", "'"), ("it's", "'", "'\\''"), ("x {file} y {file}", "{file}", "/tmp/a b"),
            ("2026-11-27 09:15:00", " ", "T"), ("aaa", "aa", "b"), ("none", "z", "y"), ("", "a", "b"),
        ]
        for (text, target, replacement) in cases {
            XCTAssertEqual(
                text.replacingEvery(target, with: replacement), text.replacingOccurrences(of: target, with: replacement))
        }
    }

    /// A quote followed by a combining mark is still a quote to a shell: it must be replaced
    /// (a replacement by Characters would leave it, and the quoting would break).
    func testReplacingEveryWorksOnScalars() {
        XCTAssertEqual("a'\u{0301}b".replacingEvery("'", with: "'\\''"), "a'\\''\u{0301}b")
    }

    func testTrimmingScalarsWithAPredicate() {
        XCTAssertEqual("[::1]".trimmingScalars(where: { $0 == "[" || $0 == "]" }), "::1")
        XCTAssertEqual("[]".trimmingScalars(where: { $0 == "[" || $0 == "]" }), "")
    }
}
