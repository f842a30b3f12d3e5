import AppCore
import Foundation
import Themes
import XCTest

final class ShippedThemeTests: XCTestCase {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Themes/Shipped")
    }

    func testEveryShippedFileIsAResourceOfTheBuild() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(files.map { String($0.dropLast(5)) }, BuiltinThemes.names)
        for file in files {
            let text = try String(contentsOf: themesDirectory.appendingPathComponent(file), encoding: .utf8)
            XCTAssertEqual(BuiltinThemes.sources[String(file.dropLast(5))], text, file)
        }
    }

    func testRequiredThemesShipAndParse() throws {
        for name in ["default", "light", "high-contrast", "monochrome"] {
            let text = try XCTUnwrap(BuiltinThemes.sources[name], name)
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
