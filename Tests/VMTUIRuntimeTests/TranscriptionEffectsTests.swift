import AppCore
import AudioPlayback
import Foundation
import Logging
import Synchronization
import VMTUIRuntime
import VoicemailModel
import XCTest

/// Issue 20.3: the screen's transcription effect with fake transcribers, one that prints text,
/// one that fails, one that hangs (stopped at the timeout), and two asked at once (run one at
/// a time). The backend is a small spool (ScreenPlaybackHarness).
final class TranscriptionEffectsTests: XCTestCase {
    private var harness: ScreenPlaybackHarness!
    private var directory: URL { harness.fixtures.url("transcribe") }

    override func setUp() async throws {
        harness = try await ScreenPlaybackHarness(player: "true {file}")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        harness?.cleanUp()
    }

    private func script(_ name: String, _ body: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    private func makeRunner(_ command: String, timeout: Duration = .seconds(60)) throws -> (ClientEffectRunner, Posted) {
        let settings = TranscribeSettings(command: try CommandTemplate(parsing: command), timeout: timeout)
        let cache = TranscriptCache(directory: directory.appendingPathComponent("cache"))
        var runner = ClientEffectRunner(client: harness.backend, logger: Logger(label: "test"))
        runner.transcription = TranscriptionRunner(transcriber: LocalTranscriber(settings: settings, cache: cache))
        let posted = Posted()
        runner.attach { event in posted.list.withLock { $0.append(event) } }
        return (runner, posted)
    }

    private func transcribe(_ runner: ClientEffectRunner, _ id: Int, message: Int = 2) async -> AppEvent? {
        await Self.ask(runner, id, harness.messages[message])
    }

    private static func start(_ runner: ClientEffectRunner, _ id: Int, _ message: VoicemailMessage) -> Task<AppEvent?, Never> {
        Task.detached { await ask(runner, id, message) }
    }

    private static func ask(_ runner: ClientEffectRunner, _ id: Int, _ message: VoicemailMessage) async -> AppEvent? {
        await runner.run(.transcription(.transcribe(RequestID(id), message: message, after: .zero)))
    }

    func testTheCommandsTextIsTheAnswerAndTheCacheAnswersNextTime() async throws {
        let runs = directory.appendingPathComponent("runs").path
        let fake = try script("fake-whisper", "echo run >> '\(runs)'\necho '  Please call me back.  '")
        let (runner, posted) = try makeRunner("\(fake) {file}")
        let first = await transcribe(runner, 1)
        XCTAssertEqual(first, .transcription(.finished(RequestID(1), .success("Please call me back."))))
        XCTAssertEqual(posted.list.withLock { $0 }, [.transcription(.started(RequestID(1)))])

        let again = await transcribe(runner, 2)
        XCTAssertEqual(again, .transcription(.finished(RequestID(2), .success("Please call me back."))))
        XCTAssertEqual(posted.list.withLock { $0.count }, 1, "the cache answered: nothing started")
        XCTAssertEqual(try String(contentsOfFile: runs, encoding: .utf8), "run\n")
    }

    func testAFailingCommandIsOneLine() async throws {
        let broken = try script("broken", "echo 'model file missing' >&2\nexit 3")
        let (runner, _) = try makeRunner("\(broken) {file}")
        let answer = await transcribe(runner, 1)
        guard case .transcription(.finished(_, .failure(let error)))? = answer else { return XCTFail("\(String(describing: answer))") }
        XCTAssertEqual(error.message, "broken failed (exit 3): model file missing")
    }

    func testAHangingCommandIsStoppedAtTheTimeout() async throws {
        let pidFile = directory.appendingPathComponent("pid").path
        let hanging = try script("hanging", "echo $$ > '\(pidFile)'\nexec sleep 600")
        let (runner, _) = try makeRunner("\(hanging) {file}", timeout: .milliseconds(300))
        let answer = await transcribe(runner, 1)
        guard case .transcription(.finished(_, .failure(let error)))? = answer else { return XCTFail("\(String(describing: answer))") }
        XCTAssertEqual(error.message, "hanging took longer than 0.3 s and was stopped")
        let pid = try XCTUnwrap(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertNotEqual(kill(pid, 0), 0, "the hung command was killed")
    }

    /// Two requests at once: the second waits for the first's turn (the script notes an overlap
    /// if its lock folder is already there).
    func testOneRunAtATime() async throws {
        let lock = directory.appendingPathComponent("lock").path
        let log = directory.appendingPathComponent("log").path
        let fake = try script("slow", """
            mkdir '\(lock)' || echo overlap >> '\(log)'
            echo "start $1" >> '\(log)'
            sleep 0.3
            rmdir '\(lock)'
            echo "text for $1"
            """)
        let (runner, _) = try makeRunner("\(fake) {file}")
        let messages = harness.messages
        async let first = Self.ask(runner, 1, messages[0])
        async let second = Self.ask(runner, 2, messages[1])
        let answers = await [first, second]
        for answer in answers {
            guard case .transcription(.finished(_, .success(let text)))? = answer else { return XCTFail("\(String(describing: answer))") }
            XCTAssertTrue(text.hasPrefix("text for "), text)
        }
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertFalse(lines.contains("overlap"), "\(lines)")
    }

    func testACancelledWaiterNeverRuns() async throws {
        let go = directory.appendingPathComponent("go").path
        let log = directory.appendingPathComponent("log").path
        let gated = try script("gated", """
            echo "start $1" >> '\(log)'
            while [ ! -e '\(go)' ]; do sleep 0.05; done
            echo "text for $1"
            """)
        let made = try makeRunner("\(gated) {file}")
        let runner = made.0
        let posted = made.1
        let (held, waiting) = (harness.messages[0], harness.messages[1])
        let holder = Self.start(runner, 1, held)
        while !posted.list.withLock({ $0.contains(.transcription(.started(RequestID(1)))) }) { try await Task.sleep(for: .milliseconds(5)) }
        let waiter = Self.start(runner, 2, waiting)
        waiter.cancel()
        let cancelled = await waiter.value
        XCTAssertNil(cancelled)
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        guard case .transcription(.finished(_, .success))? = await holder.value else { return XCTFail() }
        XCTAssertFalse(posted.list.withLock { $0.contains(.transcription(.started(RequestID(2)))) }, "the cancelled waiter started")
        XCTAssertEqual(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count, 1)
    }
}

/// What the runner posted to the loop (`.started`).
private final class Posted: Sendable {
    let list = Mutex<[AppEvent]>([])
}
