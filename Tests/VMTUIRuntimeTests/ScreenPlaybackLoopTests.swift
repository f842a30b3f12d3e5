import AppCore
import AudioPlayback
import Foundation
import XCTest

/// Playback as the screen drives it, many times over: the real mpv on a spool whose
/// messages need converting (issue 17.1), and a script player stopped at every moment of its
/// start (issue 22).
final class ScreenPlaybackLoopTests: XCTestCase {
    /// Enter / s / Enter across wav49, gsm and wav messages: every complete play ends
    /// `.finished`. The player reads the private file while the spool's audio is written into
    /// it; that file was once removed and made again under it ("Failed to recognize file
    /// format" about 1 play in 7).
    func testMPVPlaysEverySpoolFormatEveryTime() async throws {
        guard ExecutableSearch.resolve("mpv", path: ProcessInfo.processInfo.environment["PATH"]) != nil,
            ExecutableSearch.resolve("sox", path: ProcessInfo.processInfo.environment["PATH"]) != nil
        else { throw XCTSkip("mpv and sox are needed") }
        let harness = try await ScreenPlaybackHarness(player: "mpv --no-video --ao=null {file}")
        defer { harness.cleanUp() }
        XCTAssertEqual(harness.messages.count, 3)
        var failures: [String] = []
        for round in 0..<15 {
            let message = harness.messages[round % harness.messages.count]
            let (id, _) = harness.play(message)
            if round % 2 == 1 {
                // s while it starts or plays, then Enter again on the same message.
                try await Task.sleep(for: .milliseconds(round * 3 % 40))
                harness.launch(.stop)
                _ = await harness.outcome(of: id)
                let (again, _) = harness.play(message)
                let outcome = await harness.outcome(of: again)
                if outcome != .finished { failures.append("round \(round) replay of \(message.id): \(String(describing: outcome))") }
                continue
            }
            let outcome = await harness.outcome(of: id)
            if outcome != .finished { failures.append("round \(round) \(message.id): \(String(describing: outcome))") }
        }
        XCTAssertEqual(failures, [])
        await harness.runner.shutdown()
    }

    /// 50 plays of a script player that starts a child and waits for it, each stopped at
    /// another moment (before its task ran, while the player starts, while it plays): after
    /// each stop no process of the player's group is left and its private audio is gone; the
    /// children hold no descriptor above 2, although the test holds a pipe that is not
    /// close-on-exec, as a library might.
    func testStopAtAnyMomentEndsThePlayersWholeGroup() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-stop-loop-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pids = directory.appendingPathComponent("pids")
        let fds = directory.appendingPathComponent("fds")
        let script = directory.appendingPathComponent("player")
        try """
            #!/bin/sh
            echo $$ >> '\(pids.path)'
            ls -l /proc/$$/fd >> '\(fds.path)'
            sleep 41 &
            echo $! >> '\(pids.path)'
            wait
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        var leak: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&leak), 0)  // no O_CLOEXEC: what a library's pipe looks like
        defer { close(leak[0]); close(leak[1]) }

        let harness = try await ScreenPlaybackHarness(player: "\(script.path) {file}")
        defer { harness.cleanUp() }
        var started = 0
        var childDescriptors: Set<String> = []
        for round in 0..<50 {
            let message = harness.messages[round % harness.messages.count]
            let before = recordedPids(pids).count
            let (id, play) = harness.play(message)
            switch round % 5 {
            case 0:
                break  // s before the play's task has even run
            case 1, 2, 3:
                try await Task.sleep(for: .microseconds(round * 700))  // while it starts
            default:
                // While it plays: once the child is there, look at what it holds.
                for _ in 0..<400 where recordedPids(pids).count < before + 2 { try await Task.sleep(for: .milliseconds(5)) }
                if let child = recordedPids(pids).last {
                    childDescriptors.formUnion((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/fd")) ?? [])
                }
            }
            let stop = harness.launch(.stop)
            await stop.value
            await play.value
            let outcome = await harness.outcome(of: id)
            XCTAssertNotNil(outcome, "round \(round): playback never ended: \(harness.reported(id))")
            let ours = Array(recordedPids(pids).dropFirst(before))
            if !ours.isEmpty { started += 1 }
            let alive = ours.filter(processIsAlive)
            XCTAssertEqual(alive, [], "round \(round): the player's group outlived the stop")
            alive.forEach { kill($0, SIGKILL) }
            // A spool's conversion cannot be cancelled: it may finish just after the stop.
            var left = privateAudio()
            for _ in 0..<200 where !left.isEmpty {
                try await Task.sleep(for: .milliseconds(5))
                left = privateAudio()
            }
            XCTAssertEqual(left, [], "round \(round): private audio left behind")
        }
        // Give the last player a moment to appear, had a stop failed to withdraw it.
        try await Task.sleep(for: .milliseconds(200))
        XCTAssertEqual(recordedPids(pids).filter(processIsAlive), [], "a player started after its stop")
        XCTAssertGreaterThanOrEqual(started, 10, "too few plays got as far as the player")
        XCTAssertEqual(childDescriptors, ["0", "1", "2"])
        // Each listing is the shell's while `>>` redirects its stdout: the shell keeps its own
        // copy of its stdout (vmtui's pipe, as stderr is) above 10 meanwhile. Any other pipe or
        // socket above 2 came from vmtui.
        let listings = (try? String(contentsOf: fds, encoding: .utf8)) ?? ""
        var checked = 0
        for listing in listings.components(separatedBy: "total ").dropFirst() {
            var targets: [Int: String] = [:]
            for line in listing.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard words.count >= 3, words[words.count - 2] == "->", let number = Int(words[words.count - 3]) else { continue }
                targets[number] = String(words[words.count - 1])
            }
            for (number, target) in targets where number > 2 && (target.hasPrefix("pipe:") || target.hasPrefix("socket:")) {
                XCTAssertEqual(target, targets[2], "the player holds \(number) -> \(target)")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
        await harness.runner.shutdown()
    }

    private func privateAudio() -> [String] {
        let folder = PrivateTempStore.shared.currentFolder
        return folder.flatMap { try? FileManager.default.contentsOfDirectory(atPath: $0.path) } ?? []
    }
}
