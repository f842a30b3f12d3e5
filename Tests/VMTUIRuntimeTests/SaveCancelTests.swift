import AppCore
import AudioPlayback
import Foundation
import XCTest

/// A `w` save that Esc cancels, or that is under way when vmtui quits, leaves no file and no
/// hidden partial beside its target, and its converter does not run on (issue 17.2).
final class SaveCancelTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-save-cancel-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A sox that writes the start of its output, notes its pid, and takes its time.
    private func slowSox() throws -> (path: String, marker: URL) {
        let marker = directory.appendingPathComponent("sox.pid")
        let script = directory.appendingPathComponent("slow-sox")
        try """
            #!/bin/sh
            for last; do :; done
            printf 'RIFF partial' > "$last"
            echo $$ > '\(marker.path)'
            exec sleep 30
            """.write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (script.path, marker)
    }

    private func waitForPid(_ marker: URL) async throws -> pid_t {
        for _ in 0..<2000 {
            if let pid = recordedPids(marker).first { return pid }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw XCTSkip("the converter never started")
    }

    private func saveFolder() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out").path)) ?? []).sorted()
    }

    private func startSave(_ harness: ScreenPlaybackHarness) throws -> Task<Void, Never> {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out"), withIntermediateDirectories: true)
        // msg0001 is GSM: the spool's audio goes through sox.
        let message = try XCTUnwrap(harness.messages.first { $0.id.hasSuffix("01") })
        let target = directory.appendingPathComponent("out/saved.wav").path
        return harness.launch(.save(RequestID(7), mailbox: nil, id: message.id, path: target))
    }

    func testEscCancelsTheSaveAndItsConverter() async throws {
        let sox = try slowSox()
        let harness = try await ScreenPlaybackHarness(player: "true {file}", soxPath: sox.path)
        defer { harness.cleanUp() }
        let save = try startSave(harness)
        let converter = try await waitForPid(sox.marker)
        XCTAssertEqual(saveFolder().count, 1, "the partial is there while sox writes: \(saveFolder())")
        save.cancel()  // what the loop does for Esc's `.cancel(id)`
        await save.value
        XCTAssertEqual(saveFolder(), [])
        XCTAssertFalse(processIsAlive(converter), "sox runs on after the save was cancelled")
        await harness.runner.shutdown()
    }

    func testQuittingDuringASaveLeavesNoPartial() async throws {
        let sox = try slowSox()
        let harness = try await ScreenPlaybackHarness(player: "true {file}", soxPath: sox.path)
        defer { harness.cleanUp() }
        let save = try startSave(harness)
        let converter = try await waitForPid(sox.marker)
        // q: the loop cancels every effect, then the session shuts the runner down.
        save.cancel()
        await harness.runner.shutdown()
        XCTAssertEqual(saveFolder(), [])
        XCTAssertFalse(processIsAlive(converter))
    }
}
