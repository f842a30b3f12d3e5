import AppCore
import Foundation
import TestSupport
import Themes
import XCTest

/// User themes are hand-edited files: thousands of seeded random and mutated themes must each
/// load or fail with one line naming the file, never crash.
final class ThemeFuzzTests: XCTestCase {
    private static let valid = """
        extends = "default"

        [colors]
        accent = "#5f87ff"
        muted = 244
        warn = "yellow"

        [styles]
        header = { fg = "accent", bold = true }
        selected = { fg = "black", bg = "accent" }
        unread = { fg = "warn", underline = true }
        status-error = { fg = "#ff0000", reverse = false }
        """

    func testMutatedThemesLoadOrFailWithOneLine() {
        var rng = SeededGenerator(seed: 0x7E_4E)
        let seed = Array(Self.valid.utf8)
        XCTAssertTrue(check(Self.valid, case: -1), "the seed theme itself loads")
        var loaded = 0
        for index in 0..<3000 {
            loaded += check(String(decoding: Mutator.mutate(seed, using: &rng), as: UTF8.self), case: index) ? 1 : 0
        }
        XCTAssertGreaterThan(loaded, 50, "too few mutated themes loaded to exercise the parser")
    }

    func testRandomThemesLoadOrFailWithOneLine() {
        var rng = SeededGenerator(seed: 0x7E_4F)
        for index in 0..<2000 {
            let bytes = Mutator.random(
                length: Int.random(in: 0...160, using: &rng), alphabet: "[]={}\"#.,\n colrsbgfextend0123456789",
                using: &rng)
            _ = check(String(decoding: bytes, as: UTF8.self), case: index)
        }
    }

    private func check(_ text: String, case index: Int) -> Bool {
        if ProcessInfo.processInfo.environment["VMTUI_FUZZ_TRACE"] != nil {
            FileHandle.standardError.write(Data("case \(index): \(Array(text.utf8))\n".utf8))
        }
        do {
            _ = try ThemeParser.parse(text, name: "fuzz", file: "fuzz.toml", builtins: BuiltinThemes.all)
            return true
        } catch {
            XCTAssertEqual(error.file, "fuzz.toml", "case \(index)")
            XCTAssertFalse(error.description.contains("\n"), "case \(index): \(error.description)")
            XCTAssertFalse(error.description.contains("\u{1B}"), "case \(index)")
            return false
        }
    }
}
