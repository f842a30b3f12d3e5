import Foundation
import TestSupport
import XCTest

/// Twenty real `vmtui --spool` screens, each playing a message with a player script that
/// starts a child and waits for it (`sleep 41 & wait`), hung up at once as a closed terminal
/// window hangs them up: no player process, no vmtui and no private audio folder survives
/// any of them (issue 22; once 1 player in 22 and 2 audio folders in 22 did).
final class PlayerHangupEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var screens: [TmuxScreen] = []

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        directory = try TemporaryDirectory(prefix: "vmtui-hangup-e2e")
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("AsteriskSpoolTests/Fixtures")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("spool"), to: directory.appending("spool"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("voicemail.conf"), to: directory.appending("voicemail.conf"))
    }

    override func tearDown() {
        screens.forEach { $0.close() }
        screens = []
        directory?.remove()
    }

    func testTwentyHangupsLeaveNoPlayerAndNoAudio() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let count = 20
        let player = directory.appending("player")
        // $1 is the audio file; the pid files sit beside the instance's runtime folder.
        try """
            #!/bin/sh
            out="$(dirname "$(dirname "$1")")"
            echo $PPID > "$out/../vmtui.pid"
            echo $$ >> "$out/../player.pids"
            sleep 41 &
            echo $! >> "$out/../player.pids"
            wait
            """.write(to: player, atomically: true, encoding: .utf8)
        chmod(player.path, 0o755)
        for index in 0..<count {
            let home = directory.appending("run\(index)")
            let runtime = home.appendingPathComponent("runtime")
            try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
            chmod(runtime.path, 0o700)
            let environment = [
                "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": home.path, "TZ": "UTC",
                "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
                "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                "XDG_RUNTIME_DIR": runtime.path, "VMTUI_TOKEN": "secret-\(index)",
            ]
            let command = [
                EndToEnd.vmtuiPath, "--spool", directory.appending("spool").path, "--user", "101",
                "--voicemail-conf", directory.appending("voicemail.conf").path, "--player", player.path + " {file}",
            ].map(TmuxScreen.quote).joined(separator: " ")
            screens.append(try TmuxScreen(command: command, environment: environment))
        }
        for screen in screens { _ = screen.waitFor("the spool's inbox") { $0.contains("Enter play") } }
        // Odd screens hang up while their player is still starting, even ones while it plays.
        for (index, screen) in screens.enumerated() {
            screen.send("Enter")
            if index % 2 == 1 {
                usleep(useconds_t(index * 5_000))
                screen.close()
            }
        }
        var vmtuis: [pid_t] = []
        for index in stride(from: 0, to: count, by: 2) {
            let home = directory.appending("run\(index)")
            _ = try waitForLines(home.appendingPathComponent("player.pids"), count: 2, screen: screens[index])
            let vmtui = pid_t(
                (try? String(contentsOf: home.appendingPathComponent("vmtui.pid"), encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            XCTAssertGreaterThan(vmtui, 0)
            vmtuis.append(vmtui)
        }
        // Every terminal goes away at once: tmux closes the pty, the kernel sends SIGHUP.
        screens.forEach { $0.close() }
        screens = []
        // A player that a hung-up vmtui still started would write its pids meanwhile.
        usleep(300_000)
        let players = (0..<count).flatMap { index in
            ((try? String(contentsOf: directory.appending("run\(index)/player.pids"), encoding: .utf8)) ?? "")
                .split(separator: "\n").compactMap { pid_t($0) }
        }
        var alive = vmtuis + players
        for _ in 0..<300 where !alive.isEmpty {
            usleep(50_000)
            alive = alive.filter(Self.isAlive)
        }
        alive.forEach { kill($0, SIGKILL) }
        XCTAssertEqual(alive, [], "vmtui or player processes outlived the hangup")
        for index in 0..<count {
            let runtime = directory.appending("run\(index)/runtime").path
            let left = (try? FileManager.default.contentsOfDirectory(atPath: runtime)) ?? []
            XCTAssertEqual(left.filter { $0.hasPrefix("vmtui-") }, [], "run \(index): private audio outlived the hangup")
        }
    }

    private func waitForLines(_ url: URL, count: Int, screen: TmuxScreen) throws -> [pid_t] {
        for _ in 0..<1200 {
            let pids = ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if pids.count >= count { return pids }
            usleep(25_000)
        }
        XCTFail("the player did not start; screen:\n\(screen.capture())")
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
