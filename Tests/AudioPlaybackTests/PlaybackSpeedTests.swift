import Foundation
import XCTest
@testable import AudioPlayback

/// Issue 20.6: playback speed. mpv changes it in place over its IPC (checked with the real
/// mpv on the null output) and starts at it; ffplay and sox's play get their speed option
/// (restarted where they are); a player without one says so and the speed stays normal.
final class PlaybackSpeedTests: XCTestCase {
    private var fixtures: Fixtures!
    private var store: PrivateTempStore!

    override func setUpWithError() throws {
        fixtures = try Fixtures()
        store = PrivateTempStore(environment: ["TMPDIR": fixtures.root.path])
    }

    override func tearDown() {
        store.removeAll()
        fixtures.cleanUp()
    }

    private func controller(_ player: String) -> PlaybackController {
        var environment = ProcessInfo.processInfo.environment
        environment["AUDIODEV"] = "null"
        return PlaybackController(player: player, environment: environment, store: store)
    }

    func testEachPlayerGetsItsSpeedOption() throws {
        let mpv = PlayerCommand(template: try CommandTemplate(parsing: "mpv --no-video {file}"))
        XCTAssertEqual(
            mpv.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 3, speed: 1.25),
            ["mpv", "--start=3.000", "--speed=1.25", "--no-video", "/p/a.wav"])
        let ffplay = PlayerCommand(template: try CommandTemplate(parsing: "ffplay -nodisp -autoexit {file}"))
        XCTAssertEqual(
            ffplay.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 3, speed: 0.75),
            ["ffplay", "-ss", "3.000", "-af", "atempo=0.75", "-nodisp", "-autoexit", "/p/a.wav"])
        let sox = PlayerCommand(template: try CommandTemplate(parsing: "play -q {file}"))
        XCTAssertEqual(
            sox.arguments(input: .file("/p/a.wav"), format: .wav, startAt: 3, speed: 2),
            ["play", "-q", "/p/a.wav", "trim", "3.000", "tempo", "2"])
        XCTAssertEqual(sox.arguments(input: .file("/p/a.wav"), format: .wav, speed: 1), ["play", "-q", "/p/a.wav"])
        let aplay = PlayerCommand(template: try CommandTemplate(parsing: "aplay -q {file}"))
        XCTAssertEqual(aplay.arguments(input: .file("/p/a.wav"), format: .wav, speed: 1.5), ["aplay", "-q", "/p/a.wav"])
        XCTAssertEqual(PlayerKind.allCases.filter(\.changesSpeed), [.mpv, .ffplay, .sox])
    }

    func testMPVChangesSpeedOverIPCWhilePlaying() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        let long = try fixtures.tone("long.wav", seconds: 60)
        let playback = controller("mpv --no-video --msg-level=all=error --ao=null {file}")
        await playback.play(.localFile(long, format: .wav, duration: 60))
        _ = try await waitFor(playback.updates) { if case .playing(let e, _) = $0 { e > 0 } else { false } }
        let reported = try await reportedSpeed(playback) { $0 == 1 }
        XCTAssertEqual(reported, 1)
        let change = await playback.setSpeed(1.5)
        XCTAssertEqual(change, .changed)
        let first = await playback.reportedSpeed()
        XCTAssertEqual(first, 1.5)
        await playback.setSpeed(0.75)
        let second = await playback.reportedSpeed()
        XCTAssertEqual(second, 0.75)
        await playback.stop()
        let stopped = await playback.state
        XCTAssertEqual(stopped, .stopped)
    }

    func testTheNextMessageStartsAtTheChosenSpeed() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("mpv"), "mpv is not installed")
        let long = try fixtures.tone("long.wav", seconds: 60)
        let playback = controller("mpv --no-video --msg-level=all=error --ao=null {file}")
        await playback.setSpeed(2)
        await playback.play(.localFile(long, format: .wav, duration: 60))
        let reported = try await reportedSpeed(playback) { $0 != nil }
        XCTAssertEqual(reported, 2)
        await playback.stop()
    }

    func testAPlayerWithoutASpeedOptionSaysSo() async throws {
        let playback = controller("aplay -q {file}")
        let change = await playback.setSpeed(1.5)
        XCTAssertEqual(change, .unsupported(player: "aplay"))
        let speed = await playback.speed
        XCTAssertEqual(speed, 1)
    }

    /// sox's play has no IPC: it restarts where it was, with the tempo effect.
    func testPlayRestartsWithTheTempoEffect() async throws {
        let long = try fixtures.tone("long.wav", seconds: 60)
        let log = fixtures.url("play.log")
        let fake = try fixtures.write("players/play", """
            #!/bin/sh
            for arg in "$@"; do printf 'ARG %s\\n' "$arg" >> '\(log.path)'; done
            echo RUN >> '\(log.path)'
            exec sleep 600
            """, executable: true)
        let playback = controller("\(fake.path) -q {file}")
        await playback.play(.localFile(long, format: .wav, duration: 60))
        _ = try await waitFor(playback.updates) { if case .playing = $0 { true } else { false } }
        try await waitForRuns(log, count: 1)
        let change = await playback.setSpeed(1.25)
        XCTAssertEqual(change, .changed)
        try await waitForRuns(log, count: 2)
        await playback.stop()
        let text = try String(contentsOf: log, encoding: .utf8)
        let second = text.components(separatedBy: "RUN\n")[1]
        XCTAssertTrue(second.contains("ARG trim\n"), text)
        XCTAssertTrue(second.hasSuffix("ARG tempo\nARG 1.25\n"), text)
    }

    /// What mpv reports once `accept` holds (its IPC connects a moment after it starts).
    private func reportedSpeed(_ playback: PlaybackController, _ accept: (Double?) -> Bool) async throws -> Double? {
        for _ in 0..<1000 {
            let speed = await playback.reportedSpeed()
            if accept(speed) { return speed }
            try await Task.sleep(for: .milliseconds(10))
        }
        XCTFail("mpv never reported an accepted speed")
        return nil
    }

    private func waitForRuns(_ log: URL, count: Int) async throws {
        for _ in 0..<1000 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.components(separatedBy: "RUN").count - 1 >= count { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        XCTFail("the player did not start \(count) times")
    }
}
