import DisplayText
import XCTest

final class TerminalSafeTests: XCTestCase {
    func testHostileCallerNameRendersHarmless() {
        XCTAssertEqual(TerminalSafe.line("\u{1B}[2J\u{1B}]0;pwned\u{07}Evil\r\nName"), "Evil Name")
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

    /// What `Sanitize`, the CLI's and the backends' sanitiser, promised before it was merged here.
    func testFormerSanitizeCases() {
        XCTAssertEqual(TerminalSafe.line("a\u{1B}[31mred\u{1B}[0m b"), "ared b")
        XCTAssertEqual(TerminalSafe.line("x\u{1B}]8;;http://evil\u{07}link\u{1B}]8;;\u{07}"), "xlink")
        XCTAssertEqual(TerminalSafe.line("tab\there\u{202E}abc\u{0}"), "tab hereabc")
        XCTAssertEqual(TerminalSafe.line(String(repeating: "a", count: 10), maxLength: 5), "aaaa…")
    }

    /// The 8-bit spellings and invisible characters `Sanitize` let through to the command line.
    func testWhatTheOldLineSanitiserMissed() {
        XCTAssertEqual(TerminalSafe.line("a\u{9B}31mred\u{9B}0m b"), "ared b", "8-bit CSI with its parameters")
        XCTAssertEqual(TerminalSafe.line("a\u{9D}0;pwned\u{07}b"), "ab", "8-bit OSC ended by BEL")
        XCTAssertEqual(TerminalSafe.line("a\u{90}q#0\u{9C}b\u{98}sos\u{9C}c\u{9E}pm\u{9C}d\u{9F}apc\u{9C}e"), "abcde")
        XCTAssertEqual(TerminalSafe.line("one\u{2028}two\u{2029}three"), "one two three", "LS and PS are line breaks")
        XCTAssertEqual(TerminalSafe.line("\u{FEFF}name\u{200E}\u{200F}\u{061C}\u{FFF9}x\u{FFFB}"), "namex", "BOM, bidi marks, annotations")
        XCTAssertEqual(TerminalSafe.text("a\u{9B}2Jb\nc\u{9D}0;t\u{9C}d"), "ab\ncd", "multi-line text too")
    }

    func testLengthBound() {
        XCTAssertEqual(TerminalSafe.line("abcde", maxLength: 5), "abcde", "exactly the bound is kept whole")
        XCTAssertEqual(TerminalSafe.line("a\u{1B}[31mbcdef", maxLength: 5), "abcd…", "counted after stripping")
        XCTAssertEqual(TerminalSafe.line("王小明王小明", maxLength: 3), "王小…", "counted in characters")
        XCTAssertEqual(TerminalSafe.errorDetail(String(repeating: "x", count: 500)).count, 200)
        XCTAssertEqual(TerminalSafe.errorDetail("bad\u{9B}2J value"), "bad value")
    }
}
