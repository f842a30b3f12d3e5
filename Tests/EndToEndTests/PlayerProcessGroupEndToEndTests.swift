import Foundation
import TestSupport
import XCTest

/// The real `vmtui` with a player that is a script running a pipeline: however vmtui ends
/// (q, SIGTERM, SIGHUP), no process of the player's survives it.
final class PlayerProcessGroupEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-pgroup-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        screen = nil
        simulator?.terminate()
        simulator = nil
        directory?.remove()
    }

    func testQuitEndsThePlayersWholePipeline() throws {
        try checkNothingSurvives { tmux, _ in tmux.send("q") }
    }

    func testSigtermEndsThePlayersWholePipeline() throws {
        try checkNothingSurvives { _, vmtui in kill(vmtui, SIGTERM) }
    }

    func testSighupEndsThePlayersWholePipeline() throws {
        try checkNothingSurvives { _, vmtui in kill(vmtui, SIGHUP) }
    }

    private func checkNothingSurvives(_ end: (TmuxScreen, pid_t) -> Void) throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let pids = directory.appending("player.pids").path
        let parent = directory.appending("vmtui.pid").path
        let player = directory.appending("pipeplayer")
        // The script, then both sides of a pipe, each write their pid; the script's parent is vmtui.
        try """
            #!/bin/sh
            echo $PPID > '\(parent)'
            echo $$ >> '\(pids)'
            sh -c 'echo $$ >> "$0"; exec sleep 300' '\(pids)' | sh -c 'echo $$ >> "$0"; exec cat' '\(pids)'
            """.write(to: player, atomically: true, encoding: .utf8)
        chmod(player.path, 0o755)
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path, "VMTUI_TOKEN": "demo-101",
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString) "
            + "--player \(TmuxScreen.quote(player.path + " {file}")); echo EXIT=$?"
        let tmux = try TmuxScreen(command: command, environment: environment)
        screen = tmux
        tmux.waitFor("the inbox") { $0.contains("Bob Nguyen") && $0.contains("Enter play") }
        tmux.send("Enter")

        let started = try waitForLines(pids, count: 3)
        let vmtui = try XCTUnwrap(pid_t(try String(contentsOfFile: parent, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        end(tmux, vmtui)
        tmux.waitFor("EXIT=")
        var alive = started
        for _ in 0..<300 where !alive.isEmpty {
            alive = started.filter(Self.isAlive)
            usleep(50_000)
        }
        for pid in alive { kill(pid, SIGKILL) }
        XCTAssertEqual(alive, [], "player processes outlived vmtui")
    }

    private func waitForLines(_ path: String, count: Int) throws -> [pid_t] {
        for _ in 0..<1200 {
            let pids = ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if pids.count >= count { return pids }
            usleep(50_000)
        }
        XCTFail("the player did not start its pipeline; screen:\n\(screen?.capture() ?? "")")
        return []
    }

    /// Running, sleeping or stopped; a zombie nobody reaped has ended.
    private static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first ?? ""
        return state != "Z" && state != "X"
    }
}
