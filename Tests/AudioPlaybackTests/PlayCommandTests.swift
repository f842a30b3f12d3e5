import XCTest
import VoicemailModel
@testable import AudioPlayback

/// `vmtui play` as a user runs it: a real process, a fake player, and a signal in the middle.
final class PlayCommandTests: XCTestCase {
    private var fixtures: Fixtures!
    private var sim: SimulatorFixture!

    override func setUp() async throws {
        fixtures = try Fixtures()
        sim = try await SimulatorFixture.start(in: fixtures)
    }

    override func tearDown() async throws {
        await sim?.stop()
        fixtures?.cleanUp()
    }

    private func vmtuiBinary() throws -> URL {
        // The test bundle sits in the build folder beside the products.
        let starts = [Bundle(for: Self.self).bundleURL, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])]
        for start in starts {
            var directory = start
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("vmtui")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw XCTSkip("the vmtui executable was not built next to the tests")
    }

    private func privateFolders() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixtures.root.path).filter { $0.hasPrefix("vmtui-") }
    }

    func testSignalStopsPlayerAndRemovesPrivateFiles() async throws {
        let binary = try vmtuiBinary()
        let message = try await sim.message(format: .wav)
        let config = try fixtures.write("config.toml", "server = \"\(sim.simulator.baseURL.absoluteString)\"\nmark_read_on = \"end\"\n")
        for (signal, expected) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let pidFile = fixtures.url("player-\(signal).pid")
            let argsFile = fixtures.url("player-\(signal).args")
            let player = try fixtures.write("bin/slowplayer", """
                #!/bin/sh
                printf '%s\\n' "$@" > '\(argsFile.path)'
                env >> '\(argsFile.path)'
                echo $$ > '\(pidFile.path)'
                exec sleep 600
                """, executable: true)
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_RUNTIME_DIR"] = nil
            environment["TMPDIR"] = fixtures.root.path
            environment["VMTUI_TOKEN"] = SimulatorFixture.token
            let process = Process()
            process.executableURL = binary
            process.arguments = ["play", message.id, "--config", config.path, "--player", "\(player.path) {file}"]
            process.environment = environment
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()

            var playerPID: pid_t = 0
            for _ in 0..<1500 where playerPID == 0 {
                playerPID = pid_t((try? String(contentsOf: pidFile, encoding: .utf8))?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
                if playerPID == 0 { try await Task.sleep(for: .milliseconds(20)) }
            }
            XCTAssertNotEqual(playerPID, 0, "the player never started")
            XCTAssertEqual(try privateFolders().count, 1, "a private folder exists while playing")

            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, expected)
            XCTAssertEqual(try privateFolders(), [], "the private folder is removed on signal \(signal)")
            var gone = false
            for _ in 0..<250 where !gone {
                gone = kill(playerPID, 0) != 0
                if !gone { try await Task.sleep(for: .milliseconds(20)) }
            }
            XCTAssertTrue(gone, "the player was stopped")
            let seen = try String(contentsOf: argsFile, encoding: .utf8)
            XCTAssertFalse(seen.contains(SimulatorFixture.token), seen)
            XCTAssertFalse(seen.contains(sim.simulator.baseURL.absoluteString))
            // Stopped before the end: a new message stays new with mark_read_on = end.
            let after = try await sim.client.message(id: message.id)
            XCTAssertEqual(after.read, message.read)
        }
    }
}
