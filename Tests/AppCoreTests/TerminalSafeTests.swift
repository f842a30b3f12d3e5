import AppCore
import XCTest

final class TerminalSafeTests: XCTestCase {
    func testHostileCallerNameRendersHarmless() {
        XCTAssertEqual(TerminalSafe.line(Fixtures.hostileName), "Evil Name")
    }

    func testEscapeSequenceFamilies() {
        XCTAssertEqual(TerminalSafe.line("a\u{1B}[1;31mb\u{1B}[0mc"), "abc", "CSI")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"), "alinkb", "OSC with ST")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}Pq#0;2;0;0;0\u{1B}\\b"), "ab", "DCS")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}_apc\u{07}b\u{1B}^pm\u{1B}\\c\u{1B}Xsos\u{1B}\\d"), "abcd")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}(Bb\u{1B}cc\u{1B}7d"), "abcd", "two-character ESC forms")
        XCTAssertEqual(TerminalSafe.line("a\u{9B}2Jb\u{9D}0;t\u{9C}c"), "abc", "8-bit CSI and OSC")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}]0;never ends"), "a", "an unterminated string is dropped")
        XCTAssertEqual(TerminalSafe.line("abc\u{1B}"), "abc")
    }

    func testControlAndBidiCharacters() {
        // NEL (U+0085) is a line break; U+009F starts an 8-bit APC string, dropped to the end.
        XCTAssertEqual(TerminalSafe.line("a\u{00}b\u{07}c\u{08}d\u{7F}e\u{85}f\u{9F}g"), "abcde f")
        XCTAssertEqual(TerminalSafe.line("a\u{80}b\u{9A}c"), "abc", "other C1 controls")
        XCTAssertEqual(TerminalSafe.line("\u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F}"), "evil x")
        XCTAssertEqual(TerminalSafe.line("  spaced \t out\r\n\nname  "), "spaced out name")
        XCTAssertEqual(TerminalSafe.line("王小明 👩‍💻"), "王小明 👩‍💻", "ordinary text and ZWJ emoji are kept")
    }

    func testMultilineKeepsLineBreaks() {
        XCTAssertEqual(TerminalSafe.text("one\r\ntwo\rthree\n\u{1B}[2Jfour\tfive"), "one\ntwo\nthree\nfour five")
    }
}
