import AppCore
import CNcursesw
import TerminalUI
import XCTest

final class InputDecoderTests: XCTestCase {
    private func keys(_ raws: [RawInput]) -> [InputEvent] { InputDecoder.decode(raws) }
    private func char(_ c: Character) -> RawInput { .character(c.unicodeScalars.first!.value) }

    func testCharactersAndControlKeys() {
        let table: [(RawInput, Key)] = [
            (char("j"), .character("j")), (char("é"), .character("é")), (char("日"), .character("日")),
            (.character(12), .control("l")), (.character(1), .control("a")), (.character(26), .control("z")),
            (.character(13), .enter), (.character(10), .enter), (.character(9), .tab),
            (.character(127), .backspace), (.character(8), .backspace),
            (.keyCode(KEY_BACKSPACE), .backspace), (.keyCode(KEY_ENTER), .enter),
            (.keyCode(KEY_UP), .up), (.keyCode(KEY_DOWN), .down), (.keyCode(KEY_LEFT), .left),
            (.keyCode(KEY_RIGHT), .right), (.keyCode(KEY_HOME), .home), (.keyCode(KEY_END), .end),
            (.keyCode(KEY_PPAGE), .pageUp), (.keyCode(KEY_NPAGE), .pageDown), (.keyCode(KEY_BTAB), .backTab),
            (.keyCode(KEY_DC), .delete), (.keyCode(KEY_IC), .insert),
            (.keyCode(vmtui_key_f0() + 1), .function(1)), (.keyCode(vmtui_key_f0() + 12), .function(12)),
        ]
        for (raw, key) in table {
            XCTAssertEqual(keys([raw]), [.key(key)], "\(raw)")
        }
    }

    func testUnknownKeyCodesAndC1ControlsAreDropped() {
        XCTAssertEqual(keys([.keyCode(KEY_SLEFT), .character(0x9B)]), [])
    }

    func testLoneEscapeIsEscape() {
        XCTAssertEqual(keys([.character(27)]), [.key(.escape)])
        XCTAssertEqual(keys([char("a"), .character(27)]), [.key(.character("a")), .key(.escape)])
        XCTAssertEqual(keys([.character(27), .keyCode(KEY_UP)]), [.key(.escape), .key(.up)])
    }

    func testAltSequencesAreNotEscapePlusCharacter() {
        XCTAssertEqual(keys([.character(27), char("x"), char("j")]), [.key(.character("j"))])
    }

    func testUnknownCSISequencesAreSwallowedWhole() {
        let paste = "[200~".map(char)
        XCTAssertEqual(keys([.character(27)] + paste + [char("k")]), [.key(.character("k"))])
    }

    func testMouseAndResize() {
        XCTAssertEqual(
            keys([.mouse(x: 3, y: 4, buttonState: UInt(vmtui_button1_pressed()))]),
            [.mouse(MouseEvent(x: 3, y: 4, action: .press))])
        XCTAssertEqual(
            keys([.mouse(x: 0, y: 9, buttonState: UInt(vmtui_button4_pressed()))]),
            [.mouse(MouseEvent(x: 0, y: 9, action: .wheelUp))])
        XCTAssertEqual(
            keys([.mouse(x: 0, y: 9, buttonState: UInt(vmtui_button5_pressed()))]),
            [.mouse(MouseEvent(x: 0, y: 9, action: .wheelDown))])
        XCTAssertEqual(keys([.mouse(x: 0, y: 0, buttonState: 0)]), [])
        XCTAssertEqual(keys([.resize(width: 90, height: 25)]), [.resize(TerminalSize(width: 90, height: 25))])
    }
}
