import Foundation
import TestSupport
import XCTest

/// Issue 20 item 5 on a real terminal: support staff (200) press O, see every mailbox they may
/// open with Alice's full one first (capacity 15, her 15 demo messages), and Enter opens it.
final class OverviewEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-overview-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo", capacity: 15)
    }

    override func tearDown() {
        screen?.close()
        simulator?.terminate()
        directory?.remove()
    }

    func testOListsTheMailboxesFullFirstAndEnterOpensOne() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path, "VMTUI_TOKEN": "demo-200",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString)"
        let screen = try TmuxScreen(command: command, environment: environment, width: 120, height: 40)
        self.screen = screen
        screen.waitFor("the support desk's own mailbox") { $0.contains("200 Support Desk") && $0.contains("New") }
        screen.send("O")
        let overview = screen.waitFor("the overview") { $0.contains("Overview of every mailbox") && $0.contains("FULL") }
        let lines = overview.split(separator: "\n").map(String.init)
        let first = try XCTUnwrap(lines.firstIndex { $0.contains("Mailbox") && $0.contains("Unread") })
        XCTAssertTrue(lines[first + 1].contains("101") && lines[first + 1].contains("15 of 15 FULL"), overview)
        XCTAssertTrue(overview.contains("PIN required"), "Bob's mailbox needs his PIN: \(overview)")
        screen.waitFor("the count in the status line") { $0.contains("3 mailboxes, 1 full or nearly full") }
        screen.send("Enter")
        let opened = screen.waitFor("Alice's mailbox") { $0.contains("101 Alice Martin — shared") }
        XCTAssertTrue(opened.split(separator: "\n").first?.contains("15 of 15, full: callers cannot leave a message") == true, opened)
    }
}
