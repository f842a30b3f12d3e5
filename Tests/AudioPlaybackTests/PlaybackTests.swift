import XCTest
import VoicemailClient
import VoicemailModel
@testable import AudioPlayback

/// Playback end to end: a real pbx-sim, real players from Debian (decoding to a file or to
/// nothing), and recording fake players that prove what a player gets to see.
final class PlaybackTests: XCTestCase {
    private var fixtures: Fixtures!
    private var store: PrivateTempStore!
    private var sim: SimulatorFixture!

    override func setUp() async throws {
        fixtures = try Fixtures()
        store = PrivateTempStore(environment: ["TMPDIR": fixtures.root.path])
        sim = try await SimulatorFixture.start(in: fixtures)
    }

    override func tearDown() async throws {
        await sim?.stop()
        store.removeAll()
        fixtures.cleanUp()
    }

    /// The environment players run with in these tests: the real PATH plus secrets that must
    /// never reach them.
    private var hostileEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["VMTUI_TOKEN"] = SimulatorFixture.token
        env["VMTUI_PASSWORD"] = SimulatorFixture.password
        env["VMTUI_SERVER"] = "http://101:\(SimulatorFixture.password)@127.0.0.1:1"
        env["AUDIODEV"] = "null"
        return env
    }

    private func controller(player: String, environment: [String: String]? = nil) -> PlaybackController {
        PlaybackController(player: player, environment: environment ?? hostileEnvironment, store: store)
    }

    private func folderContents() throws -> [String] {
        guard let folder = store.currentFolder else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
    }

    func testMPVDecodesTheWholeStreamedWAVMessage() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        try await assertMPVDecodesWholeMessage(format: .wav, tolerance: 0.05)
    }

    func testMPVDecodesTheWholeStreamedMP3Message() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        // Decoders differ by the encoder delay and padding of MP3: about one frame.
        try await assertMPVDecodesWholeMessage(format: .mp3, tolerance: 0.15)
    }

    private func assertMPVDecodesWholeMessage(format: AudioFormat, tolerance: Double) async throws {
        let message = try await sim.message(format: format)
        let output = fixtures.url("decoded-\(format.rawValue).wav")
        let playback = controller(player: "mpv --no-video --msg-level=all=error --ao=pcm --ao-pcm-file=\(output.path) {file}")
        await playback.play(.message(message, client: sim.client))
        let final = await playback.waitUntilDone()
        XCTAssertEqual(final, .finished)
        let reference = try await sim.reference(message, in: fixtures)
        XCTAssertEqual(try Fixtures.soxDuration(output), try Fixtures.soxDuration(reference), accuracy: tolerance)
        XCTAssertEqual(try Fixtures.soxDuration(output), Double(message.duration), accuracy: 1.0)
        XCTAssertEqual(try folderContents(), [], "the private folder is emptied when playback ends")
    }

    func testSoxPlayFinishesOnTheNullDevice() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("play"), "sox is not installed")
        let message = try await sim.message(format: .wav)
        let playback = controller(player: "play -q {file}")
        await playback.play(.message(message, client: sim.client))
        let observed1 = await playback.waitUntilDone()
        XCTAssertEqual(observed1, .finished)
        XCTAssertEqual(try folderContents(), [])
    }

    /// A fake player that records its argv, its environment and what it was given.
    private func recordingPlayer(named name: String, body: String) throws -> (command: String, log: URL) {
        let log = fixtures.url("\(name).log")
        let script = try fixtures.write("players/\(name)", """
            #!/bin/sh
            LOG='\(log.path)'
            for arg in "$@"; do printf 'ARG %s\\n' "$arg" >> "$LOG"; done
            env | sed 's/^/ENV /' >> "$LOG"
            \(body)
            """, executable: true)
        return (script.path, log)
    }

    func testPlayerSeesNoSecretsAndTheFileIsGoneAfterwards() async throws {
        let message = try await sim.message(format: .wav)
        // A file-based player: it gets the whole file; it copies what it got.
        let copy = fixtures.url("copy.wav")
        let fake = try recordingPlayer(named: "fileplayer", body: """
            for last; do :; done
            if [ -f "$last" ]; then echo "EXISTS yes" >> "$LOG"; cp "$last" '\(copy.path)'; fi
            """)
        let playback = controller(player: "\(fake.command) --volume 50 {file}")
        await playback.play(.message(message, client: sim.client))
        let observed2 = await playback.waitUntilDone()
        XCTAssertEqual(observed2, .finished)

        let log = try String(contentsOf: fake.log, encoding: .utf8)
        XCTAssertTrue(log.contains("EXISTS yes"))
        for secret in [SimulatorFixture.token, SimulatorFixture.password, "VMTUI_", "http://", "127.0.0.1"] {
            XCTAssertFalse(log.contains(secret), "the player saw \(secret):\n\(log)")
        }
        XCTAssertTrue(log.contains("ENV PATH="), "the player still gets an ordinary environment")
        let args = log.split(separator: "\n").filter { $0.hasPrefix("ARG ") }
        XCTAssertEqual(args.count, 3)
        let reference = try await sim.reference(message, in: fixtures)
        XCTAssertEqual(try Data(contentsOf: copy), try Data(contentsOf: reference), "the player got the whole message")
        let handedFile = String(args[2].dropFirst(4))
        XCTAssertFalse(FileManager.default.fileExists(atPath: handedFile), "the private file is deleted after playback")
        XCTAssertTrue(handedFile.hasPrefix(fixtures.root.path))
        XCTAssertEqual(try folderContents(), [])
    }

    func testStreamingPlayerGetsTheBytesOnStdin() async throws {
        let message = try await sim.message(format: .mp3)
        // Named mpv, so vmtui pipes the bytes; it has no IPC socket, so control falls back to signals.
        let received = fixtures.url("received.bin")
        let fake = try recordingPlayer(named: "mpv", body: "cat > '\(received.path)'")
        let playback = controller(player: "\(fake.command) {file}")
        await playback.play(.message(message, client: sim.client))
        let observed3 = await playback.waitUntilDone()
        XCTAssertEqual(observed3, .finished)
        let reference = try await sim.reference(message, in: fixtures)
        XCTAssertEqual(try Data(contentsOf: received), try Data(contentsOf: reference))
        let log = try String(contentsOf: fake.log, encoding: .utf8)
        XCTAssertTrue(log.contains("ARG -\n"), log)
        XCTAssertTrue(log.contains("ARG --input-ipc-server=\(try store.folder().path)/"), log)
        XCTAssertFalse(log.contains(SimulatorFixture.token))
        XCTAssertEqual(try folderContents(), [])
    }

    func testStopEndsThePlayerAndRemovesTheFiles() async throws {
        let message = try await sim.message(format: .wav)
        let pidFile = fixtures.url("pid")
        let fake = try recordingPlayer(named: "slowplayer", body: "echo $$ > '\(pidFile.path)'; exec sleep 600")
        let playback = controller(player: fake.command)
        await playback.play(.message(message, client: sim.client))
        _ = try await waitFor(playback.updates) { if case .playing = $0 { true } else { false } }
        // The fake writes its pid once it runs.
        var pid: pid_t = 0
        for _ in 0..<500 where pid == 0 {
            pid = pid_t((try? String(contentsOf: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            if pid == 0 { try await Task.sleep(for: .milliseconds(20)) }
        }
        XCTAssertNotEqual(pid, 0)
        await playback.togglePause()
        let observed4 = await playback.state.isActive
        XCTAssertEqual(observed4, true)
        let pausedState = await playback.state
        if case .paused = pausedState {} else { XCTFail("not paused: \(pausedState)") }
        await playback.stop()
        let observed5 = await playback.state
        XCTAssertEqual(observed5, .stopped)
        XCTAssertNotEqual(kill(pid, 0), 0, "the player process is gone")
        XCTAssertEqual(try folderContents(), [])
    }

    func testAFailingPlayerExplainsWhy() async throws {
        let message = try await sim.message(format: .wav)
        let fake = try recordingPlayer(named: "brokenplayer", body: """
            echo "Opening audio device" >&2
            echo "Error: no decoder for codec 'pcm_s16le' (missing codec)" >&2
            echo "" >&2
            exit 3
            """)
        let playback = controller(player: fake.command)
        await playback.play(.message(message, client: sim.client))
        let brokenFinal = await playback.waitUntilDone()
        XCTAssertEqual(
            brokenFinal, .failed("brokenplayer: Error: no decoder for codec 'pcm_s16le' (missing codec)"))
        XCTAssertEqual(try folderContents(), [])
    }

    func testRealMPVRejectsGarbageWithItsOwnReason() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        let garbage = try fixtures.write("garbage.wav", String(repeating: "not audio at all ", count: 200))
        let playback = controller(player: "mpv --no-video --msg-level=all=error --ao=null {file}")
        await playback.play(.localFile(garbage, format: .wav, duration: 3))
        let final = await playback.waitUntilDone()
        guard case .failed(let why) = final else { return XCTFail("\(final)") }
        XCTAssertTrue(why.hasPrefix("mpv: "), why)
        XCTAssertFalse(why.contains("\n"))
    }

    func testMPVPauseResumeAndSeekOverIPC() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        let long = try fixtures.tone("long.wav", seconds: 60)
        let playback = controller(player: "mpv --no-video --msg-level=all=error --ao=null {file}")
        await playback.play(.localFile(long, format: .wav, duration: 60))
        _ = try await waitFor(playback.updates) { if case .playing(let e, _) = $0 { e > 0 } else { false } }
        await playback.seek(by: 20)
        let after = try await waitFor(playback.updates) { if case .playing(let e, _) = $0 { e >= 20 } else { false } }
        XCTAssertEqual(after.total, 60)
        await playback.togglePause()
        guard case .paused(let pausedAt, _) = await playback.state else { return XCTFail("not paused") }
        XCTAssertGreaterThanOrEqual(pausedAt, 20)
        await playback.togglePause()
        await playback.seek(by: -15)
        _ = try await waitFor(playback.updates) { if case .playing(let e, _) = $0 { e < 20 } else { false } }
        await playback.stop()
        let observed6 = await playback.state
        XCTAssertEqual(observed6, .stopped)
        XCTAssertEqual(try folderContents(), [])
    }

    func testSeekRestartsAPlayerWithoutIPCAtTheNewPosition() async throws {
        // sox's null device plays faster than real time, so a fake `play` stands in: it
        // records its arguments and plays "forever".
        let long = try fixtures.tone("long.wav", seconds: 60)
        let fake = try recordingPlayer(named: "play", body: "echo RUN >> \"$LOG\"; exec sleep 600")
        let playback = controller(player: "\(fake.command) -q {file}")
        await playback.play(.localFile(long, format: .wav, duration: 60))
        _ = try await waitFor(playback.updates) { if case .playing = $0 { true } else { false } }
        try await waitForLog(fake.log, count: 1)
        await playback.seek(by: 30)
        try await waitForLog(fake.log, count: 2)
        let state = await playback.state
        guard case .playing(let elapsed, let total) = state else { return XCTFail("\(state)") }
        XCTAssertGreaterThanOrEqual(elapsed, 30)
        XCTAssertEqual(total, 60)
        await playback.stop()
        let stopped = await playback.state
        XCTAssertEqual(stopped, .stopped)
        let log = try String(contentsOf: fake.log, encoding: .utf8)
        // First run streamed on stdin; the restart got the whole private file and the offset.
        XCTAssertTrue(log.contains("ARG -t\nARG wav\nARG -\n"), log)
        let offset = log.components(separatedBy: "ARG trim\nARG ").dropFirst().first?.split(separator: "\n").first
        XCTAssertGreaterThanOrEqual(offset.flatMap { Double($0) } ?? 0, 30, log)
        XCTAssertEqual(log.components(separatedBy: "RUN").count - 1, 2)
        XCTAssertEqual(try folderContents(), [])
    }

    /// Waits until the fake player has started `count` times (it logs RUN when it is ready).
    private func waitForLog(_ log: URL, count: Int) async throws {
        for _ in 0..<1000 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.components(separatedBy: "RUN").count - 1 >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTFail("the player did not start \(count) times")
    }

    func testDownloadFailureIsReported() async throws {
        var message = try await sim.message(format: .wav)
        message.id = "1700000000-99999999"
        let playback = controller(player: "mpv --no-video --ao=null {file}")
        await playback.play(.message(message, client: sim.client))
        let final = await playback.waitUntilDone()
        guard case .failed(let why) = final else { return XCTFail("\(final)") }
        XCTAssertTrue(why.hasPrefix("Download failed: "), why)
        XCTAssertEqual(try folderContents(), [])
    }
}
