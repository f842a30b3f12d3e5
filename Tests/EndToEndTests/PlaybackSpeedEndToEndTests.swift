import Foundation
import TestSupport
import XCTest

/// Issue 20.6 on the real screen: `]` while mpv plays (null output) shows the speed in the
/// playback bar; a player without a speed option says so in the status line.
final class PlaybackSpeedEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else { throw XCTSkip("tmux is not installed") }
        guard EndToEnd.which("mpv") != nil else { throw XCTSkip("mpv is needed") }
        directory = try TemporaryDirectory(prefix: "vmtui-e2e-speed")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        simulator?.terminate()
        directory?.remove()
    }

    private func open(player: String) throws -> TmuxScreen {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path,
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path,
            "VMTUI_TOKEN": "demo-101", "TZ": "UTC",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString) "
            + "--player \(TmuxScreen.quote(player))"
        let screen = try TmuxScreen(command: command, environment: environment, width: 120, height: 40)
        self.screen = screen
        screen.waitFor("the inbox") { $0.contains("Bob Nguyen") }
        // Work holds the demo's 3-minute conference message: it plays long enough.
        screen.send("2")
        screen.waitFor("Work") { $0.contains("Conference Bridge") }
        screen.send("/")
        screen.type("Conference")
        screen.send("Enter")
        screen.send("Enter")
        return screen
    }

    func testTheBarShowsTheSpeedMPVPlaysAt() throws {
        let screen = try open(player: "mpv --no-video --really-quiet --ao=null {file}")
        screen.waitFor("mpv playing") { $0.contains("▶ ") && $0.contains("mpv") }
        screen.send("]")
        screen.send("]")
        let faster = screen.waitFor("the speed in the bar") { $0.contains("1.5× · mpv") }
        XCTAssertTrue(faster.contains("[/] speed"), faster)
        XCTAssertFalse(faster.contains("cannot change the speed"), faster)
        screen.send("s")
        screen.waitFor("stopped") { $0.contains("Stopped") }
    }

    func testAPlayerWithoutASpeedOptionSaysSo() throws {
        let player = directory.appending("plainplayer").path
        try "#!/bin/sh\nexec sleep 60\n".write(toFile: player, atomically: true, encoding: .utf8)
        chmod(player, 0o755)
        let screen = try open(player: "\(player) {file}")
        screen.waitFor("playing") { $0.contains("▶ ") && $0.contains("plainplayer") }
        screen.send("]")
        let refused = screen.waitFor("the refusal") { $0.contains("plainplayer cannot change the speed") }
        XCTAssertFalse(refused.contains("1.25×"), refused)
        screen.send("s")
    }
}
