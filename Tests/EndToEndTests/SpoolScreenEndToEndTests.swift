import Foundation
import TestSupport
import XCTest

/// The real `vmtui --spool` in tmux on a copy of the AsteriskSpool fixture spool: what the
/// screen shows comes from the files, and what it does lands in them.
final class SpoolScreenEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-e2e-spool")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AsteriskSpoolTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: directory.appending("spool"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: directory.appending("voicemail.conf"))
    }

    override func tearDown() {
        screen?.close()
        directory?.remove()
    }

    private func texts(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appending("spool/default/101/\(folder)").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    func testTheScreenReadsAndChangesTheSpool() throws {
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
        ]
        let command = [
            EndToEnd.vmtuiPath, "--spool", directory.appending("spool").path, "--user", "101",
            "--voicemail-conf", directory.appending("voicemail.conf").path,
        ].map(TmuxScreen.quote).joined(separator: " ")
        let screen = try TmuxScreen(command: command, environment: environment)
        self.screen = screen
        // New shows INBOX and, as the phone does, the urgent message Asterisk keeps in Urgent.
        let shown = screen.waitFor("the spool's inbox") {
            $0.contains("Bob \"The Builder\" Smith") && $0.contains("Carol") && EndToEnd.badge($0, folder: "New") == 4
        }
        XCTAssertTrue(shown.contains("Unknown caller"), shown)
        // The newest (Carol, urgent) is selected; r moves it from Urgent to Old on disk.
        screen.send("r")
        screen.waitFor("the New badge to drop") { EndToEnd.badge($0, folder: "New") == 3 }
        XCTAssertEqual(texts("Urgent"), [])
        XCTAssertEqual(texts("Old"), ["msg0000.txt", "msg0001.txt", "msg0002.txt"])
        // Then the next newest, from INBOX: INBOX renumbers to two files.
        screen.send("r")
        screen.waitFor("the New badge to drop again") { EndToEnd.badge($0, folder: "New") == 2 }
        XCTAssertEqual(texts("INBOX"), ["msg0000.txt", "msg0001.txt"])
        XCTAssertEqual(texts("Old"), ["msg0000.txt", "msg0001.txt", "msg0002.txt", "msg0003.txt"])
        screen.send("q")
    }

    /// G shows the temporary greeting and what it overrides; c copies unavailable onto busy,
    /// and the copy lands in the mailbox folder in every format unavail has.
    func testGreetingsScreenShowsTheTemporaryGreetingAndCopies() throws {
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
        ]
        let command = [
            EndToEnd.vmtuiPath, "--spool", directory.appending("spool").path, "--user", "101",
            "--voicemail-conf", directory.appending("voicemail.conf").path,
        ].map(TmuxScreen.quote).joined(separator: " ")
        let screen = try TmuxScreen(command: command, environment: environment)
        self.screen = screen
        screen.waitFor("the spool's inbox") { EndToEnd.badge($0, folder: "New") == 4 }
        screen.send("G")
        let greetings = screen.waitFor("the greetings") { $0.contains("Temporary   in use") }
        XCTAssertTrue(greetings.contains("Busy        (temporary)"), greetings)
        XCTAssertTrue(greetings.contains("Callers hear the Temporary greeting instead of this one"), greetings)
        screen.send("c")
        screen.waitFor("Copy the Unavailable greeting onto (2 busy, 3 name, 4 temporary):")
        screen.type("busy")
        screen.send("Enter")
        screen.waitFor("Copied the Unavailable greeting onto Busy")
        let mailbox = directory.appending("spool/default/101")
        for ext in ["wav", "WAV"] {
            XCTAssertEqual(
                try Data(contentsOf: mailbox.appendingPathComponent("busy.\(ext)")),
                try Data(contentsOf: mailbox.appendingPathComponent("unavail.\(ext)")))
        }
        screen.send("q")
        screen.send("q")
    }
}
