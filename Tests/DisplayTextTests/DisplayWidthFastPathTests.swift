import DisplayText
import XCTest

/// The fast paths for ASCII and Latin text give what the Unicode properties give.
final class DisplayWidthFastPathTests: XCTestCase {
    func testLatinScalarsMatchTheirUnicodeProperties() {
        for value in UInt32(0x20)..<0x300 {
            guard let scalar = Unicode.Scalar(value), !(0x7F..<0xA0).contains(value) else { continue }
            let zeroWidth: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format]
            let expected = zeroWidth.contains(scalar.properties.generalCategory) || scalar.properties.isEmojiPresentation
                ? (scalar.properties.isEmojiPresentation ? 2 : 0) : 1
            XCTAssertEqual(DisplayWidth.of(scalar: scalar), expected, String(format: "U+%04X", value))
        }
    }

    func testASCIIStringsAndCharacters() {
        XCTAssertEqual(DisplayWidth.of("Caller 12  0:42"), 15)
        XCTAssertEqual(DisplayWidth.of("tab\there"), 7, "a control character takes no column")
        XCTAssertEqual(DisplayWidth.of(Character("\r\n")), 0)
        XCTAssertEqual(DisplayWidth.of("王小明 Bob"), 10)
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1, "a combining accent after ASCII")
    }
}
