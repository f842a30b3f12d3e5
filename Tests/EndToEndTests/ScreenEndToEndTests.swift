import Foundation
import TestSupport
import XCTest

/// The real `vmtui` in tmux against a real `pbx-sim` process on a loopback port.
final class ScreenEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screens: [TmuxScreen] = []

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else {
            throw XCTSkip("tmux is not installed")
        }
        directory = try TemporaryDirectory(prefix: "vmtui-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        for screen in screens { screen.close() }
        screens.removeAll()
        simulator?.terminate()
        simulator = nil
        directory?.remove()
    }

    private var probe: PBXProbe { PBXProbe(baseURL: simulator.baseURL, token: "demo-101") }

    /// Opens vmtui as user 101; `wrapper` may surround the command (`%@` is vmtui).
    private func open(
        arguments: String = "", wrapper: String = "%@", width: Int = 120, height: Int = 40,
        extraEnvironment: [String: String] = [:]
    ) throws -> TmuxScreen {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first: \(EndToEnd.vmtuiPath)")
        var environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path,
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path,
            "VMTUI_TOKEN": "demo-101", "TZ": "UTC",
        ]
        environment.merge(extraEnvironment) { $1 }
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString) \(arguments)"
        let screen = try TmuxScreen(
            command: wrapper.replacingOccurrences(of: "%@", with: command), environment: environment,
            width: width, height: height)
        screens.append(screen)
        return screen
    }

    func testShowsTheDemoMailboxWithTheServersUnreadCounts() throws {
        let screen = try open()
        // The rows and the badges come from two requests that travel side by side: wait for
        // both (the header's unread count arrives with the badges).
        let shown = screen.waitFor("the inbox and the mailbox's counts") {
            $0.contains("Bob Nguyen") && $0.contains("Oliver Bennett")
                && ($0.split(separator: "\n").first?.contains("unread") ?? false)
        }
        let counts = try probe.unreadCounts()
        let labels = ["INBOX": "New", "Old": "Old", "Work": "Work", "Family": "Family", "Friends": "Friends"]
        for (folder, label) in labels {
            XCTAssertEqual(EndToEnd.badge(shown, folder: label), counts[folder], "\(label) badge on:\n\(shown)")
        }
    }

    func testMarkReadAndUnreadReachTheServer() throws {
        let screen = try open()
        let newBefore = try XCTUnwrap(try probe.unreadCounts()["INBOX"])
        screen.waitFor("Bob Nguyen and the New badge") { $0.contains("Bob Nguyen") && EndToEnd.badge($0, folder: "New") == newBefore }
        let first = try XCTUnwrap(probe.messages(folder: "INBOX").first { ($0["callerName"] as? String) == "Bob Nguyen" })
        XCTAssertEqual(first["read"] as? Bool, false)
        let id = try XCTUnwrap(first["id"] as? String)
        // Reading may also move the message (INBOX → Old, as on the phone): look it up by id.
        func isRead() throws -> Bool? { (try self.probe.get("/api/v1/VoiceMail/\(id)") as? [String: Any])?["read"] as? Bool }
        screen.send("r")
        try waitForServer("message read") { try isRead() == true }
        screen.waitFor("New badge \(newBefore - 1)") { EndToEnd.badge($0, folder: "New") == newBefore - 1 }
        // The read message left New (as on the phone); unmark it where it went.
        screen.send("1")
        screen.waitFor("Bob in Old") { $0.contains("Bob Nguyen") && $0.contains("Dana Kowalski") }
        screen.send("u")
        try waitForServer("message unread again") { try isRead() == false }
        let counts = try probe.unreadCounts()
        screen.waitFor("badges equal to the server's unread counts \(counts)") { shown in
            [("INBOX", "New"), ("Old", "Old"), ("Work", "Work")].allSatisfy { EndToEnd.badge(shown, folder: $0.1) == counts[$0.0] }
        }
    }

    func testDeleteAsksAndRemovesFromTheServer() throws {
        let screen = try open()
        // New lists INBOX and Urgent newest first: Bob (INBOX, 12 min), then Dana's urgent
        // message (Urgent, 25 min). The second row is Dana's.
        screen.waitFor("Bob and Dana in New") { $0.contains("Bob Nguyen") && $0.contains("Dana Kowalski") }
        let newMessages = { try self.probe.messages(folder: "INBOX") + self.probe.messages(folder: "Urgent") }
        let before = try newMessages().count
        screen.send("j")
        screen.send("d")
        screen.waitFor("a delete confirmation") { $0.lowercased().contains("delete") && $0.contains("y") && $0.contains("?") }
        screen.send("y")
        try waitForServer("one message fewer") { try newMessages().count == before - 1 }
        XCTAssertTrue(try probe.messages(folder: "Urgent").isEmpty, "Dana's urgent message is gone")
        XCTAssertTrue(try probe.messages(folder: "INBOX").contains { ($0["callerName"] as? String) == "Bob Nguyen" })
        screen.waitFor("Dana gone from the list") { !$0.contains("Dana Kowalski") && $0.contains("Bob Nguyen") }
    }

    func testForwardCopiesToAnotherMailbox() throws {
        let screen = try open()
        screen.waitFor("Bob Nguyen")
        let bob = PBXProbe(baseURL: simulator.baseURL, token: "demo-102")
        let before = try bob.messages(folder: "INBOX").count
        screen.send("f")
        screen.waitFor("the forward prompt") { $0.lowercased().contains("forward") }
        screen.type("102")
        screen.send("Enter")
        try waitForServer("a copy in 102's New folder") { try bob.messages(folder: "INBOX").count == before + 1 }
    }

    func testServerGoingAwayIsReportedAndTheAppRecovers() throws {
        let screen = try open()
        screen.waitFor("Bob Nguyen")
        simulator.terminate()
        screen.send("R")
        screen.waitFor("a connection error in the status line") { screen in
            let lower = screen.lowercased()
            return lower.contains("connect") || lower.contains("refused") || lower.contains("unreachable")
        }
        XCTAssertTrue(screen.capture().contains("Bob Nguyen"), "the list stays while the server is away")
        try simulator.restart(samePort: true)
        screen.send("1")
        screen.waitFor("the Old folder from the restarted server") { $0.contains("Dana Kowalski") }
        screen.send("0")
        screen.waitFor("back to New") { $0.contains("Bob Nguyen") && !$0.lowercased().contains("refused") }
    }

    func testResizeRedrawsAtTheNewSize() throws {
        let screen = try open()
        screen.waitFor("Bob Nguyen")
        screen.resize(width: 90, height: 25)
        let shown = screen.waitFor("a 90-column layout") { text in
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            return text.contains("Bob Nguyen") && lines.count <= 26 && lines.allSatisfy { $0.count <= 90 }
                && (lines.first?.contains("unread") ?? false)
        }
        XCTAssertTrue(shown.contains("Alice Martin"))
    }

    /// Runs vmtui between two `stty -a`, then checks the tty settings and the normal screen
    /// are back after `how` ends it.
    private func checkTerminalRestored(after how: (TmuxScreen) -> Void, expectedStatus: String) throws {
        let before = directory.appending("before.txt").path
        let after = directory.appending("after.txt").path
        let status = directory.appending("status.txt").path
        let screen = try open(
            wrapper: "stty -a > \(before); %@; echo $? > \(status); stty -a > \(after)")
        screen.waitFor("Bob Nguyen")
        XCTAssertEqual(screen.display("#{alternate_on}"), "1", "vmtui draws on the alternate screen")
        how(screen)
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: after) || (try? String(contentsOfFile: after, encoding: .utf8))?.isEmpty != false {
            if Date() > deadline { return XCTFail("vmtui did not exit; screen:\n\(screen.capture())") }
            usleep(100_000)
        }
        XCTAssertEqual(try String(contentsOfFile: after, encoding: .utf8), try String(contentsOfFile: before, encoding: .utf8))
        XCTAssertEqual(try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), expectedStatus)
        XCTAssertEqual(screen.display("#{alternate_on}"), "0", "the alternate screen was left")
        XCTAssertEqual(screen.display("#{cursor_flag}"), "1", "the cursor is visible again")
    }

    func testQuitRestoresTheTerminal() throws {
        try checkTerminalRestored(after: { $0.send("q") }, expectedStatus: "0")
    }

    func testSigtermRestoresTheTerminal() throws {
        try checkTerminalRestored(
            after: { screen in
                guard let pane = Int32(screen.display("#{pane_pid}")), let vmtui = Self.descendant(of: pane, named: "vmtui")
                else { return XCTFail("vmtui process not found") }
                kill(vmtui, SIGTERM)
            }, expectedStatus: "143")
    }

    /// The first process named `name` below `root` in the process tree.
    private static func descendant(of root: Int32, named name: String) -> Int32? {
        guard let table = try? TmuxScreen.runShell("ps -eo pid=,ppid=,comm=") else { return nil }
        var children: [Int32: [(Int32, String)]] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, let pid = Int32(fields[0]), let parent = Int32(fields[1]) else { continue }
            children[parent, default: []].append((pid, String(fields[2])))
        }
        var queue = [root]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            for (pid, command) in children[current] ?? [] {
                if command == name { return pid }
                queue.append(pid)
            }
        }
        return nil
    }

    private func waitForServer(_ what: String, timeout: TimeInterval = 60, _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try !condition() {
            if Date() > deadline { return XCTFail("timed out waiting for \(what)") }
            usleep(100_000)
        }
    }
}

extension TmuxScreen {
    @discardableResult
    static func runShell(_ command: String) throws -> String { try spawn(["/bin/sh", "-c", command]) }
}
