import Foundation
import TestSupport
import XCTest

/// Issue 20 item 3 on the command line, with fake transcribers: one that prints text, one that
/// fails, one that hangs (stopped at the timeout with everything it started).
final class TranscribeCLITests: XCTestCase {
    var directory: TemporaryDirectory!
    var simulator: SimulatorProcess!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-transcribe")
        simulator = try SimulatorProcess(dataDirectory: directory.appending("spool"))
    }

    override func tearDown() {
        simulator?.terminate()
        directory?.remove()
    }

    private func script(_ name: String, _ body: String) throws -> String {
        let path = directory.appending(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    private func configure(_ lines: String) throws {
        let folder = directory.appending("config/vmtui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try lines.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> VmtuiProcess.Outcome {
        try VmtuiProcess.run(
            arguments + ["--server", simulator.baseURL.absoluteString], in: directory, environment: ["VMTUI_TOKEN": "demo-101"])
    }

    /// A message of the demo without the PBX's transcription.
    private func untranscribed() throws -> String {
        let listed = try run(["list", "--folder", "all", "--json"])
        let messages = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        return try XCTUnwrap(messages.first { $0["transcription"] == nil }?["id"] as? String)
    }

    func testAFakeTranscriberPrintsTextThatIsCachedPrivately() throws {
        let runs = directory.appending("runs").path
        let fake = try script("fake-whisper", """
            echo run >> '\(runs)'
            head -c 4 "$1" | grep -q RIFF || { echo "not a WAV" >&2; exit 9; }
            echo "Hello, this is a local transcript. token=${VMTUI_TOKEN:-none}"
            """)
        try configure("transcribe_command = \"\(fake) {file}\"\ntranscribe_format = \"wav16k\"\n")
        let id = try untranscribed()
        let first = try run(["transcribe", id])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("(local)\nHello, this is a local transcript. token=none"), first.stdout)
        let again = try run(["transcribe", id])
        XCTAssertEqual(again.stdout, first.stdout)
        XCTAssertEqual(try String(contentsOfFile: runs, encoding: .utf8), "run\n", "the second answer came from the cache")
        let cache = directory.appending(".cache/vmtui/transcripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        XCTAssertEqual(files.count, 1, "\(files)")
        XCTAssertTrue(files[0].hasPrefix("101__") && files[0].hasSuffix(".txt"), files[0])
        let folderMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions] as? Int)
        let fileMode = try XCTUnwrap(
            FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(files[0]).path)[.posixPermissions] as? Int)
        XCTAssertEqual(folderMode & 0o777, 0o700)
        XCTAssertEqual(fileMode & 0o777, 0o600)
    }

    func testAFailingTranscriberIsOneLine() throws {
        let fake = try script("broken", "echo 'model file missing' >&2\nexit 3")
        try configure("transcribe_command = \"\(fake) {file}\"\n")
        let outcome = try run(["transcribe", try untranscribed()])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertEqual(outcome.stderr.split(separator: "\n").count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("broken failed (exit 3): model file missing"), outcome.stderr)
    }

    func testAHangingTranscriberIsStoppedWithWhatItStarted() throws {
        let pidFile = directory.appending("sleeper.pid").path
        let fake = try script("hangs", "sleep 300 &\necho $! > '\(pidFile)'\nwait")
        try configure("transcribe_command = \"\(fake) {file}\"\ntranscribe_timeout = 1\n")
        let outcome = try run(["transcribe", try untranscribed()])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("hangs took longer than 1 s and was stopped"), outcome.stderr)
        let pid = try XCTUnwrap(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertFalse(Self.isAlive(pid), "the command's own child was killed with its group")
    }

    /// Alive and not a zombie waiting for init to reap it.
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].hasPrefix(") Z")
    }

    func testWithoutACommandItSaysWhatToConfigure() throws {
        let outcome = try run(["transcribe", "--all"])
        XCTAssertEqual(outcome.status, 78, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("no transcribe_command in the config"), outcome.stderr)
    }
}
