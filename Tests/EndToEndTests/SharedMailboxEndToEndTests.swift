import Foundation
import TestSupport
import XCTest

/// Two real vmtui processes on one pbx-sim: the owner (101) and support staff (200) viewing
/// mailbox 101, each refreshing every second. What one does, the other sees.
final class SharedMailboxEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screens: [TmuxScreen] = []

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-shared-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
        let configDirectory = directory.appending("config/vmtui")
        try FileManager.default.createDirectory(at: configDirectory, withIntermediateDirectories: true)
        try "refresh_interval = 1\n".write(
            to: configDirectory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        for screen in screens { screen.close() }
        screens.removeAll()
        simulator?.terminate()
        simulator = nil
        directory?.remove()
    }

    private func open(token: String, arguments: String = "") throws -> TmuxScreen {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state-\(token)").path,
            "XDG_CACHE_HOME": directory.appending("cache-\(token)").path,
            "VMTUI_TOKEN": token,
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString) \(arguments)"
        let screen = try TmuxScreen(command: command, environment: environment, width: 120, height: 40)
        screens.append(screen)
        return screen
    }

    /// "New  1 of 5" in the list's title: how many messages the folder shows.
    private func listed(_ screen: String) -> Int? {
        guard let range = screen.range(of: #"New +\d+ of (\d+)"#, options: .regularExpression) else { return nil }
        return Int(screen[range].split(separator: " ").last ?? "")
    }

    /// "… 6 unread" at the right of the header.
    private func headerUnread(_ screen: String) -> Int? {
        let header = screen.split(separator: "\n").first.map(String.init) ?? ""
        guard let range = header.range(of: #"(\d+) unread"#, options: .regularExpression) else { return nil }
        return Int(header[range].split(separator: " ").first ?? "")
    }

    func testOwnerAndSupportSeeEachOthersChanges() throws {
        let owner = try open(token: "demo-101")
        let support = try open(token: "demo-200", arguments: "--mailbox 101")
        let ownerStart = owner.waitFor("the owner's inbox") { self.listed($0) != nil && self.headerUnread($0) != nil }
        let supportStart = support.waitFor("the shared inbox") { $0.contains("101 Alice Martin — shared") && self.listed($0) != nil }
        let count = try XCTUnwrap(listed(ownerStart))
        XCTAssertEqual(listed(supportStart), count)
        XCTAssertTrue(support.display("#{pane_title}").contains("vmtui — 101 shared"), support.display("#{pane_title}"))

        // The owner deletes the first message: it disappears from the support view.
        owner.send("d")
        owner.waitFor("Delete 1 message? [y/N]")
        owner.send("y")
        owner.waitFor("owner's list shrinks") { self.listed($0) == count - 1 }
        support.waitFor("support's list follows") { self.listed($0) == count - 1 }

        // Support confirms deletes naming the owner, and marks a message read: the owner's
        // badge drops on its next refresh.
        support.send("d")
        support.waitFor("Delete 1 message from Alice Martin's mailbox (101)? [y/N]")
        support.send("n")
        let unread = try XCTUnwrap(headerUnread(owner.capture()))
        support.send("r")
        support.waitFor("Marked 1 message read")
        owner.waitFor("the owner's unread count drops") { self.headerUnread($0) == unread - 1 }
        XCTAssertTrue(owner.display("#{pane_title}").contains("\(unread - 1) unread"), owner.display("#{pane_title}"))
    }
}
