import AppCore
import TerminalUI
import Themes
import XCTest

final class ColorReductionTests: XCTestCase {
    func testDepthFromTerminfoColours() {
        XCTAssertEqual(ColorDepth(terminalColors: 256), .palette256)
        XCTAssertEqual(ColorDepth(terminalColors: 16777216), .palette256)
        XCTAssertEqual(ColorDepth(terminalColors: 88), .sixteen)
        XCTAssertEqual(ColorDepth(terminalColors: 16), .sixteen)
        XCTAssertEqual(ColorDepth(terminalColors: 8), .eight)
        XCTAssertEqual(ColorDepth(terminalColors: -1), .none)
        XCTAssertEqual(ColorDepth(terminalColors: 2), .none)
    }

    func testHexColoursMapToTheNearestCubeOrGrayEntry() {
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0x5F, green: 0x87, blue: 0xD7), depth: .palette256), 68)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0xFF, green: 0xFF, blue: 0xFF), depth: .palette256), 231)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0x26, green: 0x26, blue: 0x26), depth: .palette256), 235)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0x80, green: 0x80, blue: 0x80), depth: .palette256), 244)
    }

    func testSixteenAndEightColours() {
        let brightRed = ThemeColor.rgb(red: 0xFF, green: 0x5F, blue: 0x5F)
        XCTAssertEqual(ColorReduction.index(for: brightRed, depth: .sixteen), 9)
        XCTAssertEqual(ColorReduction.index(for: brightRed, depth: .eight), 1)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0x5F, green: 0x87, blue: 0xD7), depth: .eight), 4)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0x26, green: 0x26, blue: 0x26), depth: .eight), 0)
        XCTAssertEqual(ColorReduction.index(for: .rgb(red: 0xE0, green: 0xE0, blue: 0xE0), depth: .eight), 7)
    }

    func testIndexedColoursAboveTheDepthAreReduced() {
        XCTAssertEqual(ColorReduction.index(for: .indexed(196), depth: .palette256), 196)
        XCTAssertEqual(ColorReduction.index(for: .indexed(196), depth: .sixteen), 9)
        XCTAssertEqual(ColorReduction.index(for: .indexed(12), depth: .eight), 4)
        XCTAssertEqual(ColorReduction.index(for: .indexed(3), depth: .eight), 3)
    }

    func testDefaultAndNoColour() {
        XCTAssertEqual(ColorReduction.index(for: .terminalDefault, depth: .eight), -1)
        XCTAssertNil(ColorReduction.index(for: .indexed(1), depth: .none))
    }

    func testNoColorAndMonochromeTerminals() {
        XCTAssertEqual(ColorSupport.depth(environment: ["NO_COLOR": "1"], terminalColors: 256, hasColors: true), .none)
        XCTAssertEqual(ColorSupport.depth(environment: ["NO_COLOR": ""], terminalColors: 256, hasColors: true), .palette256)
        XCTAssertEqual(ColorSupport.depth(environment: [:], terminalColors: 8, hasColors: false), .none)
        XCTAssertEqual(ColorSupport.effectiveTheme(BuiltinThemes.standard, depth: .none), BuiltinThemes.monochrome)
        XCTAssertEqual(ColorSupport.effectiveTheme(BuiltinThemes.standard, depth: .eight), BuiltinThemes.standard)
    }
}
