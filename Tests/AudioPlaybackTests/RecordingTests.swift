import XCTest
@testable import AudioPlayback

/// Recording with a stand-in recorder: it writes a real WAV (a tone made by sox) and then
/// behaves like arecord, finishing when it receives SIGINT.
final class RecordingTests: XCTestCase {
    private var fixtures: Fixtures!
    private var store: PrivateTempStore!

    override func setUpWithError() throws {
        try XCTSkipUnless(Fixtures.hasProgram("sox"), "sox is not installed")
        fixtures = try Fixtures()
        store = PrivateTempStore(environment: ["TMPDIR": fixtures.root.path])
    }

    override func tearDown() {
        store?.removeAll()
        fixtures?.cleanUp()
    }

    private func fakeRecorder(seconds: Double, exitOnInterrupt: Int = 0) throws -> String {
        let log = fixtures.url("recorder.log")
        let script = try fixtures.write("bin/fakerec", """
            #!/bin/sh
            env > '\(log.path)'
            trap 'exit \(exitOnInterrupt)' INT
            sox -n -r 8000 -c 1 -b 16 "$1" synth \(seconds) sine 440 vol 0.5
            while :; do sleep 0.05; done
            """, executable: true)
        return "\(script.path) {file}"
    }

    func testRecordMeterAndStop() async throws {
        var env = ProcessInfo.processInfo.environment
        env["VMTUI_PASSWORD"] = "pass101"
        let recorder = RecordingController(recorder: try fakeRecorder(seconds: 4), environment: env, store: store)
        try await recorder.start()
        let metered = try await waitFor(recorder.updates) {
            if case .recording(_, let level?) = $0 { level > 0.1 } else { false }
        }
        guard case .recording(_, let level?) = metered else { return XCTFail("\(metered)") }
        // A sine at half scale has an RMS of 0.5/√2.
        XCTAssertEqual(level, 0.3536, accuracy: 0.01)
        let final = await recorder.stop()
        guard case .finished(let file, let duration, let reason) = final else { return XCTFail("\(final)") }
        XCTAssertEqual(reason, .requested)
        XCTAssertEqual(duration, 4, accuracy: 0.01)
        XCTAssertTrue(file.path.hasPrefix(try store.folder().path))
        var info = stat()
        stat(file.path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let prepared = try await AudioInspector(store: store).prepareForUpload(file)
        XCTAssertFalse(prepared.converted)
        let seen = try String(contentsOf: fixtures.url("recorder.log"), encoding: .utf8)
        XCTAssertFalse(seen.contains("pass101"))
        await recorder.cancel()
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path))
    }

    func testStopsItselfAtTheLimit() async throws {
        let recorder = RecordingController(recorder: try fakeRecorder(seconds: 2), maxDuration: 0.3, store: store)
        try await recorder.start()
        let final = await recorder.waitUntilDone()
        guard case .finished(_, _, let reason) = final else { return XCTFail("\(final)") }
        XCTAssertEqual(reason, .maxDuration)
    }

    func testARecorderThatFailsSaysWhy() async throws {
        let script = try fixtures.write("bin/brokenrec", """
            #!/bin/sh
            echo "arecord: main:831: audio open error: No such file or directory" >&2
            exit 1
            """, executable: true)
        let recorder = RecordingController(recorder: "\(script.path) {file}", store: store)
        try await recorder.start()
        let final = await recorder.waitUntilDone()
        XCTAssertEqual(final, .failed("brokenrec: arecord: main:831: audio open error: No such file or directory"))
    }

    func testDiscoveryOrderAndNoneFound() throws {
        let bin = try fixtures.folder("stubs")
        for name in ["rec", "ffmpeg"] {
            try fixtures.write("stubs/\(name)", "#!/bin/sh\n", executable: true)
        }
        XCTAssertEqual(try RecorderDiscovery(environment: ["PATH": bin.path]).choose(configured: nil).programName, "rec")
        try fixtures.write("stubs/arecord", "#!/bin/sh\n", executable: true)
        let arecord = try RecorderDiscovery(environment: ["PATH": bin.path]).choose(configured: nil)
        XCTAssertEqual(arecord.words, ["arecord", "-q", "-f", "S16_LE", "-r", "8000", "-c", "1", "-t", "wav", "{file}"])
        let empty = try fixtures.folder("none")
        XCTAssertThrowsError(try RecorderDiscovery(environment: ["PATH": empty.path]).choose(configured: nil)) {
            XCTAssertTrue("\($0)".contains("alsa-utils"), "\($0)")
        }
    }
}
