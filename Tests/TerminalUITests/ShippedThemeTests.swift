import AppCore
import Foundation
import XCTest

final class ShippedThemeTests: XCTestCase {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("themes")
    }

    func testEmbeddedCopiesEqualTheFilesInThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(
            files.map { String($0.dropLast(5)) }, BuiltinThemeSources.files.keys.sorted(),
            "run scripts/embed-themes.sh")
        for file in files {
            let text = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(
                BuiltinThemeSources.files[String(file.dropLast(5))].map { $0 + "\n" }, text,
                "\(file) differs from its embedded copy: run scripts/embed-themes.sh")
        }
    }

    func testRequiredThemesShipAndParse() throws {
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let text = try XCTUnwrap(BuiltinThemeSources.files[name], name)
            XCTAssertNoThrow(try ThemeParser.parse(text, name: name, file: "\(name).toml"), name)
            XCTAssertNotNil(BuiltinThemes.all[name])
        }
    }

    func testEveryThemeGivesEveryRoleItsOwnStyle() {
        for (name, theme) in BuiltinThemes.all {
            for role in StyleRole.allKnown {
                XCTAssertNotNil(theme.styles[role], "\(name) has no [styles.\"\(role)\"]")
            }
        }
    }

    func testSelectionAndErrorsStandOutInEveryTheme() {
        for (name, theme) in BuiltinThemes.all {
            for role in [StyleRole.listSelected, .folderSelected] {
                XCTAssertNotEqual(theme.resolve(role), theme.resolve(role.parent!), "\(name): \(role)")
            }
            XCTAssertNotEqual(theme.resolve(.statusError), theme.resolve(.status), name)
            XCTAssertNotEqual(theme.resolve(.listUnread), theme.resolve(.list), name)
        }
    }

    func testMonochromeUsesAttributesOnly() {
        XCTAssertTrue(BuiltinThemes.monochrome.isAttributesOnly)
        XCTAssertFalse(BuiltinThemes.standard.isAttributesOnly)
    }
}
