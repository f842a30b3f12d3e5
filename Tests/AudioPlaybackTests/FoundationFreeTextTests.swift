import Foundation
import XCTest

@testable import AudioPlayback

/// What AudioPlayback once asked of Foundation proper, now spelled by hand: the same text out.
final class FoundationFreeTextTests: XCTestCase {
    func testProgramNameIsNSStringsLastPathComponent() {
        for path in ["mpv", "/usr/bin/mpv", "bin/mpv/", "/", "//", "///", "", "./play", "./", "/opt/My Player/run.sh", "a//b", "a//"] {
            XCTAssertEqual(CommandTemplate.lastPathComponent(path), (path as NSString).lastPathComponent, path)
        }
    }

    func testDisplayQuotingKeepsPlainWordsPlain() {
        XCTAssertEqual(CommandTemplate.quoteForDisplay("--volume=50"), "--volume=50")
        XCTAssertEqual(CommandTemplate.quoteForDisplay("{file}"), "{file}")
        XCTAssertEqual(CommandTemplate.quoteForDisplay("écoute"), "écoute")
        XCTAssertEqual(CommandTemplate.quoteForDisplay("a b"), "'a b'")
        XCTAssertEqual(CommandTemplate.quoteForDisplay("it's"), #"'it'\''s'"#)
        XCTAssertEqual(CommandTemplate.quoteForDisplay(""), "''")
    }

    func testNumbersAsStringFormatWroteThem() {
        for value in [0.0, 0.25, 1.5, 12.3456, 179.9995, 3600.0] {
            XCTAssertEqual(PlayerCommand.seconds(value), String(format: "%.3f", value))
        }
        XCTAssertEqual(PlayerCommand.seconds(-2), "0.000")
        for bytes in [0, 1, 52_428, 1_048_576, 20 * 1_048_576, 21_000_000, 157_286] {
            XCTAssertEqual(AudioInspector.megabytes(bytes), String(format: "%.1f MiB", Double(bytes) / 1_048_576))
        }
        XCTAssertEqual(AudioInspector.megabytes(20 * 1_048_576), "20.0 MiB")
    }
}
