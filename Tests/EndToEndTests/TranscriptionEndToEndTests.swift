import Foundation
import TestSupport
import XCTest

/// Issue 20.3 on the real screen: resting on a message without the PBX's transcription runs
/// the config's `transcribe_command` (a fake transcriber script) and the details pane shows
/// its text marked "(local)".
final class TranscriptionEndToEndTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: SimulatorProcess!
    private var screen: TmuxScreen?

    override func setUpWithError() throws {
        guard (try? TmuxScreen.run(["-V"]))?.contains("tmux") == true else {
            throw XCTSkip("tmux is not installed")
        }
        directory = try TemporaryDirectory(prefix: "vmtui-e2e-transcribe")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("pbx"), seed: "demo")
    }

    override func tearDown() {
        screen?.close()
        simulator?.terminate()
        directory?.remove()
    }

    func testDetailsShowTheLocalTranscript() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: EndToEnd.vmtuiPath), "build vmtui first")
        let fake = directory.appending("fake-whisper").path
        try "#!/bin/sh\nhead -c 4 \"$1\" | grep -q RIFF || exit 9\necho 'Ticket closed, says the fake transcriber.'\n"
            .write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let config = directory.appending("config/vmtui")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "transcribe_command = \"\(fake) {file}\"\ntranscribe_format = \"wav16k\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        let environment = [
            "TERM": "tmux-256color", "LANG": "C.UTF-8", "HOME": directory.path,
            "XDG_CONFIG_HOME": directory.appending("config").path,
            "XDG_STATE_HOME": directory.appending("state").path,
            "XDG_CACHE_HOME": directory.appending("cache").path,
            "VMTUI_TOKEN": "demo-101", "TZ": "UTC",
        ]
        let command = "\(TmuxScreen.quote(EndToEnd.vmtuiPath)) --server \(simulator.baseURL.absoluteString)"
        let screen = try TmuxScreen(command: command, environment: environment, width: 120, height: 40)
        self.screen = screen
        screen.waitFor("the inbox") { $0.contains("Bob Nguyen") && $0.contains("Support Desk") }
        // Support Desk's message in New is the one without the PBX's transcription.
        screen.send("/")
        screen.type("Support")
        screen.send("Enter")
        let shown = screen.waitFor("the local transcript") { $0.contains("(local) Ticket closed, says the fake") }
        XCTAssertFalse(shown.contains("Local transcription:"), shown)
        let cached = try FileManager.default.contentsOfDirectory(atPath: directory.appending("cache/vmtui/transcripts").path)
        XCTAssertEqual(cached.count, 1, "\(cached)")
    }
}
