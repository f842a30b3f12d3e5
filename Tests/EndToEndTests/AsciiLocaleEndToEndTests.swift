import Foundation
import TestSupport
import XCTest

/// Under LANG=C the screen falls back to ASCII: borders, markers and names stay visible.
final class AsciiLocaleEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-ascii-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        screen = nil
        simulator?.terminate()
        simulator = nil
        directory?.remove()
    }

    func testCLocaleShowsASCIIBordersMarkersAndPlaceholders() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let environment = [
            "TERM": "tmux-256color", "LANG": "C", "LC_ALL": "C", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path, "VMTUI_TOKEN": "demo-101",
        ]
        let tmux = try TmuxScreen(
            command: "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString)",
            environment: environment)
        screen = tmux
        let shown = tmux.waitFor("the inbox") { $0.contains("Bob Nguyen") && $0.contains("Enter play") }
        let lines = shown.split(separator: "\n").map(String.init)
        // The folder pane and the list are divided by an ASCII bar on every body row.
        let divided = lines.filter { $0.contains("New") || $0.contains("Bob Nguyen") }
        XCTAssertTrue(divided.allSatisfy { $0.contains("|") }, shown)
        // Unread messages are marked with `*`.
        let bob = try XCTUnwrap(lines.first { $0.contains("Bob Nguyen") })
        XCTAssertTrue(bob.contains("*"), bob)
        // 山田太郎 cannot be shown: one `?` per character, not an empty name.
        XCTAssertTrue(lines.contains { $0.contains("? ? ? ?") }, shown)
        XCTAssertTrue(shown.unicodeScalars.allSatisfy(\.isASCII), "non-ASCII reached a C-locale terminal:\n\(shown)")
    }
}
