import Foundation
import TestSupport
import XCTest

/// The real `vmtui --spool` in tmux, playing with a script player, under signals other than
/// the orderly ones: a crash signal gives the terminal back and kills vmtui with that signal
/// (and the player goes too); Ctrl-Z stops the player with vmtui and `fg` goes on with it
/// (issues 17.20, 17.11).
final class ScreenSignalsEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-signals-e2e")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AsteriskSpoolTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: directory.appending("spool"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: directory.appending("voicemail.conf"))
        try """
            #!/bin/sh
            echo $$ >> '\(directory.appending("player.pids").path)'
            sleep 41 &
            echo $! >> '\(directory.appending("player.pids").path)'
            wait
            """.write(to: directory.appending("player"), atomically: true, encoding: .utf8)
        chmod(directory.appending("player").path, 0o755)
    }

    override func tearDown() {
        screen?.close()
        screen = nil
        directory?.remove()
    }

    /// vmtui playing a message; returns its pid and the player's.
    private func startPlaying() throws -> (vmtui: pid_t, players: [pid_t], screen: TmuxScreen) {
        let pidFile = directory.appending("vmtui.pid").path
        let vmtui = [
            EndToEnd.vmtuiPath, "--spool", directory.appending("spool").path, "--user", "101",
            "--voicemail-conf", directory.appending("voicemail.conf").path,
            "--player", directory.appending("player").path + " {file}",
        ].map(TmuxScreen.quote).joined(separator: " ")
        let command = "sh -c \(TmuxScreen.quote("echo $$ > \(TmuxScreen.quote(pidFile)); exec \(vmtui)")); echo EXIT=$?"
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_RUNTIME_DIR": directory.appending("runtime").path,
        ]
        try FileManager.default.createDirectory(at: directory.appending("runtime"), withIntermediateDirectories: true)
        let tmux = try TmuxScreen(command: command, environment: environment)
        screen = tmux
        _ = tmux.waitFor("the inbox") { $0.contains("Enter play") }
        tmux.send("Enter")
        var players: [pid_t] = []
        for _ in 0..<1200 where players.count < 2 {
            players = ((try? String(contentsOf: directory.appending("player.pids"), encoding: .utf8)) ?? "")
                .split(separator: "\n").compactMap { pid_t($0) }
            if players.count < 2 { usleep(25_000) }
        }
        XCTAssertEqual(players.count, 2, "the player did not start: \(tmux.capture())")
        let vmtuiPid = pid_t((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return (vmtuiPid, players, tmux)
    }

    private static func state(_ pid: pid_t) -> Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first?.first
    }

    private func waitUntil(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ condition: () -> Bool) {
        for _ in 0..<400 where !condition() { usleep(25_000) }
        let pids = ((try? String(contentsOf: directory.appending("player.pids"), encoding: .utf8)) ?? "").split(separator: "\n")
        let states = pids.map { pid in "\(pid): " + ((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "gone") }
        XCTAssertTrue(condition(), "\(what)\n\(states.joined(separator: "\n"))", file: file, line: line)
    }

    func testSegfaultRestoresTheTerminalAndDiesOfIt() throws {
        try checkCrash(SIGSEGV)
    }

    func testAbortRestoresTheTerminalAndDiesOfIt() throws {
        try checkCrash(SIGABRT)
    }

    private func checkCrash(_ signal: Int32) throws {
        let running = try startPlaying()
        kill(running.vmtui, signal)
        // The shell prints the status: vmtui died of the signal, not stuck in sigsuspend.
        let shown = running.screen.waitFor("vmtui to die", timeout: 20) { $0.contains("EXIT=") }
        XCTAssertTrue(shown.contains("EXIT=\(128 + signal)"), shown)
        XCTAssertFalse(shown.contains("Enter play"), "the screen was not given back:\n\(shown)")
        waitUntil("the player outlived the crash") { running.players.allSatisfy { [nil, "Z", "X"].contains(Self.state($0)) } }
    }

    func testCtrlZStopsThePlayerAndFgContinuesIt() throws {
        let running = try startPlaying()
        running.screen.send("C-z")
        waitUntil("vmtui did not stop") { Self.state(running.vmtui) == "T" }
        waitUntil("the player plays on while vmtui is stopped") { running.players.allSatisfy { Self.state($0) == "T" } }
        kill(running.vmtui, SIGCONT)
        waitUntil("the player did not go on") { running.players.allSatisfy { Self.state($0) != "T" } }
        running.screen.send("q")
        _ = running.screen.waitFor("vmtui to quit", timeout: 20) { $0.contains("EXIT=") }
    }
}
