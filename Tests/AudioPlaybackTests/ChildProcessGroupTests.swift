import Foundation
import XCTest
@testable import AudioPlayback

/// Players and recorders that are scripts or pipelines: stop, next, pause, resume and cancel
/// reach every process they started, and none of the test's own descriptors reaches them.
final class ChildProcessGroupTests: XCTestCase {
    private var fixtures: Fixtures!
    private var store: PrivateTempStore!

    override func setUpWithError() throws {
        fixtures = try Fixtures()
        store = PrivateTempStore(environment: ["TMPDIR": fixtures.root.path])
    }

    override func tearDown() {
        store?.removeAll()
        fixtures?.cleanUp()
    }

    /// A player that is a shell script running a pipeline; each of its three processes
    /// writes its pid to `pids` (the script, then both sides of the pipe).
    private func pipelinePlayer(_ name: String) throws -> (command: String, pids: URL) {
        let pids = fixtures.url("\(name).pids")
        let script = try fixtures.write("players/\(name)", """
            #!/bin/sh
            echo $$ >> '\(pids.path)'
            sh -c 'echo $$ >> "$0"; exec sleep 300' '\(pids.path)' | sh -c 'echo $$ >> "$0"; exec cat' '\(pids.path)'
            """, executable: true)
        return ("\(script.path) {file}", pids)
    }

    private func request(_ name: String) throws -> PlaybackRequest {
        let audio = try fixtures.write("\(name).wav", String(repeating: "RIFF-not-really-audio", count: 100))
        return PlaybackRequest(source: LocalFileSource(url: audio), format: .wav, duration: 60, name: name)
    }

    func testStopEndsEveryProcessOfAPipelinePlayer() async throws {
        let player = try pipelinePlayer("pipeline")
        let playback = PlaybackController(player: player.command, environment: ProcessInfo.processInfo.environment, store: store)
        await playback.play(try request("one"))
        let pids = try await waitForPids(player.pids, count: 3)
        await playback.stop()
        try await assertAllGone(pids)
    }

    func testPlayingTheNextMessageEndsThePreviousPipeline() async throws {
        let first = try pipelinePlayer("first")
        let playback = PlaybackController(player: first.command, environment: ProcessInfo.processInfo.environment, store: store)
        await playback.play(try request("one"))
        let firstPids = try await waitForPids(first.pids, count: 3)
        await playback.play(try request("two"))
        try await assertAllGone(firstPids)
        await playback.stop()
    }

    func testPauseStopsAndResumeContinuesTheWholeGroup() async throws {
        let player = try pipelinePlayer("pausing")
        let playback = PlaybackController(player: player.command, environment: ProcessInfo.processInfo.environment, store: store)
        await playback.play(try request("one"))
        let pids = try await waitForPids(player.pids, count: 3)
        await playback.togglePause()
        try await waitForStates(pids, "stopped (T)") { $0 == "T" }
        await playback.togglePause()
        try await waitForStates(pids, "running or sleeping") { $0 == "S" || $0 == "R" }
        await playback.stop()
        try await assertAllGone(pids)
    }

    func testCancellingARecorderEndsWhatItStarted() async throws {
        let pids = fixtures.url("recorder.pids")
        // Like a recorder wrapper: it writes its file and waits on a helper of its own.
        let script = try fixtures.write("bin/wrappedrec", """
            #!/bin/sh
            echo $$ >> '\(pids.path)'
            printf 'RIFF' > "$1"
            sh -c 'echo $$ >> "$0"; exec sleep 300' '\(pids.path)'
            """, executable: true)
        let recorder = RecordingController(
            recorder: "\(script.path) {file}", environment: ProcessInfo.processInfo.environment, store: store)
        try await recorder.start()
        let started = try await waitForPids(pids, count: 2)
        await recorder.cancel()
        try await assertAllGone(started)
    }

    func testOnlyStandardDescriptorsReachAPlayer() async throws {
        // Descriptors this process holds without close-on-exec, as a log file or a library's
        // socket would be.
        let marker = try fixtures.write("held-open.txt", "secret log")
        let held = open(marker.path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(held, 0)
        var leakedPipe: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&leakedPipe), 0)
        defer {
            close(held)
            close(leakedPipe[0])
            close(leakedPipe[1])
        }

        let listing = fixtures.url("fds.txt")
        // ls runs as the script's child and lists the script's own descriptors.
        let script = try fixtures.write("players/fdlister", """
            #!/bin/sh
            ls -l /proc/$$/fd > '\(listing.path).tmp'
            mv '\(listing.path).tmp' '\(listing.path)'
            """, executable: true)
        let playback = PlaybackController(player: "\(script.path) {file}", environment: ProcessInfo.processInfo.environment, store: store)
        await playback.play(try request("fds"))
        _ = await playback.waitUntilDone()
        let descriptors = try DescriptorListing.parse(String(contentsOf: listing, encoding: .utf8))
        XCTAssertEqual(Set(descriptors.keys).intersection([0, 1, 2]), [0, 1, 2])
        // Beyond 0-2 the shell may hold its own script and copies of its standard descriptors
        // (dash keeps some); anything else came from vmtui.
        let standard = Set([0, 1, 2].compactMap { descriptors[$0] })
        let extra = descriptors.filter { $0.key > 2 && $0.value != script.path && !standard.contains($0.value) }
        XCTAssertEqual(extra, [:], "descriptors that reached the player")
    }

    // MARK: Helpers

    private func waitForPids(_ file: URL, count: Int) async throws -> [pid_t] {
        for _ in 0..<600 {
            let pids = ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").compactMap { pid_t($0) }
            if pids.count >= count { return pids }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("the player never started its \(count) processes")
        return []
    }

    /// Waits (generously) for every pid to be gone or a zombie; fails naming the survivors.
    private func assertAllGone(_ pids: [pid_t], file: StaticString = #filePath, line: UInt = #line) async throws {
        XCTAssertFalse(pids.isEmpty, file: file, line: line)
        var alive = pids
        for _ in 0..<300 {
            alive = pids.filter { pid in ProcessStat.read(pid).map { $0.state != "Z" } ?? false }
            if alive.isEmpty { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        for pid in alive { kill(pid, SIGKILL) }
        XCTFail("still running after stop: \(alive)", file: file, line: line)
    }

    private func waitForStates(
        _ pids: [pid_t], _ what: String, file: StaticString = #filePath, line: UInt = #line,
        _ accept: @escaping (Character) -> Bool
    ) async throws {
        var states: [Character] = []
        for _ in 0..<300 {
            states = pids.map { ProcessStat.read($0)?.state ?? "?" }
            if states.allSatisfy(accept) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTFail("not all \(what): \(zip(pids, states).map { "\($0) \($1)" })", file: file, line: line)
    }
}

final class ProcessStatTests: XCTestCase {
    func testParsesACommandNameWithSpacesAndParentheses() {
        let stat = ProcessStat.parse("4242 (my (odd) player) T 17 4242 4242 0 -1 4194560 99")
        XCTAssertEqual(stat, ProcessStat(state: "T", parent: 17, processGroup: 4242))
        XCTAssertNil(ProcessStat.parse("garbage"))
    }
}

/// `ls -l /proc/PID/fd` as descriptor number -> target.
enum DescriptorListing {
    static func parse(_ text: String) throws -> [Int: String] {
        var result: [Int: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.components(separatedBy: " -> ")
            guard parts.count == 2, let number = Int(parts[0].split(separator: " ").last ?? "") else { continue }
            result[number] = parts[1]
        }
        return result
    }
}
