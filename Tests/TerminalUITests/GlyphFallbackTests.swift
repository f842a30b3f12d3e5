import AppCore
import TerminalUI
import XCTest

/// Under a locale that cannot encode UTF-8 (LANG=C) every cell becomes ASCII; nothing vanishes.
final class GlyphFallbackTests: XCTestCase {
    func testOnlyUTF8CodesetsShowUnicode() {
        XCTAssertEqual(Charset.forCodeset("UTF-8"), .unicode)
        XCTAssertEqual(Charset.forCodeset("utf8"), .unicode)
        XCTAssertEqual(Charset.forCodeset("ANSI_X3.4-1968"), .ascii)
        XCTAssertEqual(Charset.forCodeset("ISO-8859-1"), .ascii)
    }

    func testBordersMarkersAndUnknownCharacters() {
        let expected: [String: String] = [
            "│": "|", "─": "-", "━": "=", "●": "*", "·": ".", "…": "~", "┌": "+", "▶": ">",
            "é": "?", "👨‍👩‍👧": "?", "a": "a", " ": " ", "|": "|",
        ]
        for (glyph, ascii) in expected { XCTAssertEqual(GlyphFallback.ascii(glyph), ascii, glyph) }
        XCTAssertEqual(GlyphFallback.ascii(line: "vmtui — 3 unread · José"), "vmtui - 3 unread . Jos?")
    }

    func testAGridKeepsItsColumnsAndNamesStayVisible() {
        var grid = CellGrid(width: 12, height: 1)
        grid.put("│●", x: 0, y: 0)
        grid.put("山田 José", x: 2, y: 0)
        let ascii = GlyphFallback.asciiGrid(grid)
        XCTAssertEqual(ascii.row(text: 0), "|*? ?  Jos? ")
        XCTAssertEqual(ascii.width, 12)
        XCTAssertTrue(ascii.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.isASCII } && !$0.text.isEmpty })
    }
}
