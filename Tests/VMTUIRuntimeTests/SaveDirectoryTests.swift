import Foundation
import VMTUIRuntime
import XCTest

/// Where `w` proposes to save (issue 17.11): the desktop's download folder, never the
/// working directory (in the demo, the source checkout).
final class SaveDirectoryTests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-save-dir-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: home)
    }

    private func proposed(_ extra: [String: String] = [:]) -> String {
        AudioEffectRunner.defaultSaveDirectory(environment: ["HOME": home.path].merging(extra) { $1 })
    }

    func testHomeWhenThereIsNoDownloadFolder() {
        XCTAssertEqual(proposed(), "~")
    }

    func testDownloadsWhenItExists() throws {
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Downloads"), withIntermediateDirectories: true)
        XCTAssertEqual(proposed(), "~/Downloads")
    }

    func testUserDirsFileNamesTheFolder() throws {
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Downloads"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent("Téléchargements"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".config"), withIntermediateDirectories: true)
        try "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n"
            .write(to: home.appendingPathComponent(".config/user-dirs.dirs"), atomically: true, encoding: .utf8)
        XCTAssertEqual(proposed(), "~/Téléchargements")
    }

    func testTheEnvironmentWins() throws {
        let elsewhere = home.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        XCTAssertEqual(proposed(["XDG_DOWNLOAD_DIR": elsewhere.path]), "~/elsewhere")
        // A folder that does not exist is not proposed.
        XCTAssertEqual(proposed(["XDG_DOWNLOAD_DIR": home.appendingPathComponent("gone").path]), "~")
    }
}
