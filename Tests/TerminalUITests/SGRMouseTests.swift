import AppCore
import TerminalUI
import XCTest

/// SGR (1006) mouse reports as terminals send them when ncurses passes them through.
final class SGRMouseTests: XCTestCase {
    private func raws(_ text: String) -> [RawInput] { text.unicodeScalars.map { .character($0.value) } }

    func testClickBeyondColumn223IsAPressAtItsCell() {
        XCTAssertEqual(
            InputDecoder.decode(raws("\u{1B}[<0;300;42M")),
            [.mouse(MouseEvent(x: 299, y: 41, action: .press))])
    }

    func testWheelModifiersReleasesAndMotion() {
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<64;5;6M")), [.mouse(MouseEvent(x: 4, y: 5, action: .wheelUp))])
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<65;5;6M")), [.mouse(MouseEvent(x: 4, y: 5, action: .wheelDown))])
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<16;2;3M")), [.mouse(MouseEvent(x: 1, y: 2, action: .press))], "ctrl-click")
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<0;2;3m")), [], "release")
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<32;2;3M")), [], "drag")
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<2;2;3M")), [], "right button")
    }

    func testKeysAroundAReportAreKeptAndBadReportsDropped() {
        XCTAssertEqual(
            InputDecoder.decode(raws("j\u{1B}[<0;10;2Mk")),
            [.key(.character("j")), .mouse(MouseEvent(x: 9, y: 1, action: .press)), .key(.character("k"))])
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<0;0;0Mj")), [.key(.character("j"))], "coordinates start at 1")
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<0;99999999999999999999999;1Mj")), [.key(.character("j"))])
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<0;5")), [], "cut off")
        XCTAssertEqual(InputDecoder.decode(raws("\u{1B}[<0;5Xj")), [.key(.character("j"))])
    }
}
