import Foundation
import TestSupport
import XCTest

/// Playback in the real `vmtui` (tmux) against a real `pbx-sim`: the player runs with the
/// message's audio, the details pane shows progress, and the message is marked read on the
/// server with the New badge dropping by one.
final class AudioEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        guard EndToEnd.which("mpv") != nil, EndToEnd.which("soxi") != nil else { throw XCTSkip("mpv and sox are needed") }
        directory = try TemporaryDirectory(prefix: "vmtui-audio-e2e")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        screen = nil
        simulator?.terminate()
        simulator = nil
        directory?.remove()
    }

    func testEnterPlaysShowsProgressAndMarksRead() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let output = directory.appending("decoded.wav").path
        let log = directory.appending("player-args.txt").path
        let runtime = directory.appending("runtime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        // A player that takes a moment before handing the file to mpv, so the progress bar is
        // on screen long enough to be seen; it records its arguments and environment.
        let player = directory.appending("slowplayer")
        try """
            #!/bin/sh
            echo "$@" > '\(log)'
            env >> '\(log)'
            sleep 3
            exec mpv --no-video --really-quiet --ao=pcm --ao-pcm-file='\(output)' "$1"
            """.write(to: player, atomically: true, encoding: .utf8)
        chmod(player.path, 0o755)

        let probe = PBXProbe(baseURL: simulator.baseURL, token: "demo-101")
        // New shows INBOX and Urgent (as the phone counts them), so its badge counts both.
        let unreadInNew = { () throws -> [[String: Any]] in
            try (probe.messages(folder: "INBOX") + probe.messages(folder: "Urgent")).filter { ($0["read"] as? Bool) == false }
        }
        let newBefore = try unreadInNew()
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path, "TZ": "UTC",
            "XDG_CONFIG_HOME": directory.appending("config").path, "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path, "XDG_RUNTIME_DIR": runtime.path,
            "VMTUI_TOKEN": "demo-101", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString) "
            + "--player \(TmuxScreen.quote(player.path + " {file}")); echo EXIT=$?"
        let tmux = try TmuxScreen(command: command, environment: environment)
        screen = tmux
        // The list may be on screen before the folder counts arrive (they load in parallel):
        // wait for the badge to show the server's count, not just for the first row.
        let start = tmux.waitFor("the inbox with its New badge") {
            $0.contains("Bob Nguyen") && $0.contains("Enter play") && EndToEnd.badge($0, folder: "New") == newBefore.count
        }
        let badgeBefore = try XCTUnwrap(EndToEnd.badge(start, folder: "New"))
        XCTAssertEqual(badgeBefore, newBefore.count)

        tmux.send("Enter")
        // Progress with the player's name in the details pane, the pause/stop keys in the footer.
        let playing = tmux.waitFor("the progress bar") { $0.contains("▶ 0:0") && $0.contains("slowplayer") }
        XCTAssertTrue(playing.contains("━") || playing.contains("─"), playing)
        XCTAssertTrue(playing.contains("s stop"), playing)
        XCTAssertTrue(playing.contains("Playing with slowplayer"), playing)

        // Played to the end: marked read on the server, moved to Old, New badge one less.
        let after = tmux.waitFor("the New badge to drop") { EndToEnd.badge($0, folder: "New") == badgeBefore - 1 }
        XCTAssertFalse(after.contains("▶ 0:"), after)
        let deadline = Date().addingTimeInterval(30)
        var unread = try unreadInNew()
        while unread.count != newBefore.count - 1, Date() < deadline {
            usleep(200_000)
            unread = try unreadInNew()
        }
        XCTAssertEqual(unread.count, newBefore.count - 1)
        let played = try XCTUnwrap(newBefore.first { ($0["callerName"] as? String) == "Bob Nguyen" })
        let old = try probe.messages(folder: "Old")
        XCTAssertTrue(old.contains { ($0["id"] as? String) == (played["id"] as? String) }, "moved to Old")

        // mpv really decoded the message: the output has its length.
        let soxi = Process()
        soxi.executableURL = URL(fileURLWithPath: try XCTUnwrap(EndToEnd.which("soxi")))
        soxi.arguments = ["-D", output]
        let pipe = Pipe()
        soxi.standardOutput = pipe
        try soxi.run()
        soxi.waitUntilExit()
        let seconds = Double(String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let expected = Double((played["duration"] as? Int) ?? Int((played["duration"] as? String) ?? "") ?? 0)
        XCTAssertEqual(seconds, expected, accuracy: 1.0, "decoded length vs the message's duration")

        // The player got a private file, never a URL or credential.
        let recorded = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(recorded.hasPrefix(runtime.path + "/vmtui-"), recorded)
        XCTAssertFalse(recorded.contains("demo-101"), "the token reached the player")
        XCTAssertFalse(recorded.contains("http://"), recorded)

        // Quitting leaves no private audio behind.
        tmux.send("q")
        tmux.waitFor("EXIT=0")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runtime.path)
        XCTAssertEqual(leftovers, [], "private audio folder removed at exit")
    }
}
