import Foundation
import Glibc
import TestSupport
import XCTest

/// `vmtui --demo` starts its own pbx-sim (beside vmtui in the build folder) and ends it
/// however the screen ends: q, Ctrl-C, SIGTERM. No simulator is left running and the demo's
/// temporary folder is gone.
final class DemoLifecycleEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var screens: [TmuxScreen] = []

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else {
            throw XCTSkip("tmux is not installed")
        }
        directory = try TemporaryDirectory(prefix: "vmtui-demo-e2e")
    }

    override func tearDown() {
        for screen in screens { screen.close() }
        screens.removeAll()
        directory?.remove()
    }

    func testQuitEndsTheDemoPBX() throws {
        try checkDemoEnds(expectedStatus: "0") { screen, _ in screen.send("q") }
    }

    func testCtrlCEndsTheDemoPBX() throws {
        try checkDemoEnds(expectedStatus: "130") { screen, _ in screen.send("C-c") }
    }

    func testSigtermEndsTheDemoPBX() throws {
        try checkDemoEnds(expectedStatus: "143") { _, vmtui in kill(vmtui, SIGTERM) }
    }

    private func checkDemoEnds(expectedStatus: String, _ how: (TmuxScreen, Int32) -> Void) throws {
        let temporary = directory.appending("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let status = directory.appending("status.txt").path
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TMPDIR": temporary.path,
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path, "TZ": "UTC",
        ]
        // Job control, as in an interactive shell: Ctrl-C reaches vmtui's process group only,
        // so the shell lives on to write the status.
        let script = "set -m; \(TmuxScreen.quote(EndToEnd.vmtuiPath)) --demo; echo $? > \(status)"
        let screen = try TmuxScreen(command: "bash -c \(TmuxScreen.quote(script))", environment: environment)
        screens.append(screen)
        screen.waitFor("Bob Nguyen")
        guard let pane = Int32(screen.display("#{pane_pid}")), let vmtui = Self.descendant(of: pane, named: "vmtui"),
            let simulator = Self.descendant(of: vmtui, named: "pbx-sim")
        else { return XCTFail("vmtui and its pbx-sim not found") }
        XCTAssertFalse(Self.entries(of: temporary).isEmpty, "the demo works in a folder under TMPDIR")

        how(screen, vmtui)
        let deadline = Date().addingTimeInterval(60)
        while (try? String(contentsOfFile: status, encoding: .utf8))?.isEmpty != false {
            if Date() > deadline { return XCTFail("vmtui did not exit; screen:\n\(screen.capture())") }
            usleep(100_000)
        }
        XCTAssertEqual(try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), expectedStatus)
        // Once vmtui has exited its simulator is gone too (init reaps an orphan at once).
        while Self.isAlive(simulator) {
            if Date() > deadline { return XCTFail("pbx-sim \(simulator) outlived vmtui") }
            usleep(50_000)
        }
        XCTAssertEqual(Self.entries(of: temporary), [], "the demo's temporary folder was left behind")
        XCTAssertEqual(screen.display("#{alternate_on}"), "0", "the alternate screen was left")
    }

    private static func entries(of folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }

    /// Running or stopped, not a zombie waiting for its parent.
    private static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    /// The first process named `name` below `root` in the process tree.
    private static func descendant(of root: Int32, named name: String) -> Int32? {
        guard let table = try? TmuxScreen.runShell("ps -eo pid=,ppid=,comm=") else { return nil }
        var children: [Int32: [(Int32, String)]] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3, let pid = Int32(fields[0]), let parent = Int32(fields[1]) else { continue }
            children[parent, default: []].append((pid, String(fields[2]).trimmingCharacters(in: .whitespaces)))
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
}
