import XCTest
import VoicemailModel
@testable import AudioPlayback

final class AudioInspectorTests: XCTestCase {
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

    private var inspector: AudioInspector { AudioInspector(store: store) }

    func testWAVDurationMatchesSox() throws {
        for (name, rate, channels) in [("a.wav", 8000, 1), ("b.wav", 44100, 2), ("c.wav", 16000, 1)] {
            let file = try fixtures.tone(name, seconds: 3.3, rate: rate, channels: channels)
            let report = try inspector.check(file)
            XCTAssertEqual(report.format, .wav)
            XCTAssertEqual(report.duration, try Fixtures.soxDuration(file), accuracy: 0.001, name)
            XCTAssertEqual(report.wav?.sampleRate, rate)
            XCTAssertEqual(report.wav?.channels, channels)
            XCTAssertEqual(report.isNonTelephonyWAV, rate != 8000 || channels != 1)
        }
        let speech = try fixtures.speechWAV("speech.wav")
        XCTAssertEqual(try inspector.check(speech).duration, try Fixtures.soxDuration(speech), accuracy: 0.001)
    }

    func testMP3DurationMatchesSox() throws {
        let speech = try fixtures.speechWAV("speech.wav")
        let cbr = fixtures.url("speech.mp3")
        try Fixtures.run(["sox", speech.path, cbr.path])
        let stereo = fixtures.url("stereo.mp3")
        try Fixtures.run(["sox", "-n", "-r", "44100", "-c", "2", stereo.path, "synth", "7.5", "sine", "300"])
        let vbr = fixtures.url("vbr.mp3")
        try Fixtures.run(["sox", "-n", "-r", "22050", "-c", "1", "-C", "-4.2", vbr.path, "synth", "12", "sine", "500"])
        for file in [cbr, stereo, vbr] {
            let report = try inspector.check(file)
            XCTAssertEqual(report.format, .mp3)
            // sox decodes with libmad; one MPEG frame (at most 0.072 s) is the granularity.
            XCTAssertEqual(report.duration, try Fixtures.soxDuration(file), accuracy: 0.08, file.lastPathComponent)
        }
    }

    func testMP3AfterAnID3Tag() throws {
        let tone = try fixtures.tone("t.mp3", seconds: 4)
        var data = Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0x02, 0x00])  // 256-byte tag
        data += Data(repeating: 0xFF, count: 256)  // sync-like bytes inside the tag must be skipped
        data += try Data(contentsOf: tone)
        let tagged = fixtures.url("tagged.mp3")
        try data.write(to: tagged)
        XCTAssertEqual(try inspector.check(tagged).duration, try inspector.check(tone).duration, accuracy: 0.001)
    }

    func testRefusals() throws {
        let empty = try fixtures.write("empty.wav", "")
        XCTAssertThrowsError(try inspector.check(empty)) { XCTAssertEqual("\($0)", "empty.wav is empty") }
        let text = try fixtures.write("notes.txt", "Call Bob back about the invoice.\n")
        XCTAssertThrowsError(try inspector.check(text)) { XCTAssertEqual("\($0)", "notes.txt is not a WAV or MP3 file") }
        let long = try fixtures.tone("greeting.wav", seconds: 200)
        XCTAssertThrowsError(try inspector.check(long)) {
            XCTAssertEqual("\($0)", "greeting.wav is 200 s long; the PBX accepts at most 180 s")
        }
        XCTAssertThrowsError(try inspector.check(fixtures.url("missing.wav"))) { XCTAssertEqual("\($0)", "missing.wav does not exist") }
        let fakeWAV = try fixtures.write("fake.wav", "RIFF....WAVEjunk")
        XCTAssertThrowsError(try inspector.check(fakeWAV)) { XCTAssertEqual("\($0)", "fake.wav looks like WAV but is damaged or truncated (no playable audio found)") }
    }

    func testTelephonyFilesAreSentAsTheyAre() async throws {
        let speech = try fixtures.speechWAV("speech.wav")
        let prepared = try await inspector.prepareForUpload(speech)
        XCTAssertEqual(prepared.url, speech)
        XCTAssertFalse(prepared.converted)
        XCTAssertNil(prepared.note)
        do {
            _ = try await inspector.prepareForUpload(try fixtures.tone("long.wav", seconds: 181))
            XCTFail("a 181 s file was accepted")
        } catch {
            XCTAssertEqual("\(error)", "long.wav is 181 s long; the PBX accepts at most 180 s")
        }
    }

    func testConversionWithSox() async throws {
        try XCTSkipUnless(Fixtures.hasProgram("sox"), "sox is not installed")
        let flac = try fixtures.tone("greeting.flac", seconds: 2.5, rate: 44100, channels: 2)
        let fromFLAC = try await inspector.prepareForUpload(flac)
        XCTAssertTrue(fromFLAC.converted)
        XCTAssertEqual(fromFLAC.format, .wav)
        XCTAssertTrue(fromFLAC.url.path.hasPrefix(try store.folder().path))
        let converted = try inspector.check(fromFLAC.url)
        XCTAssertEqual(converted.wav?.isTelephony, true)
        XCTAssertEqual(converted.duration, 2.5, accuracy: 0.01)
        XCTAssertEqual(fromFLAC.note, "converted greeting.flac from FLAC to 8 kHz mono WAV with sox")
        fromFLAC.discard(store: store)
        XCTAssertFalse(FileManager.default.fileExists(atPath: fromFLAC.url.path))

        let hifi = try fixtures.tone("studio.wav", seconds: 1.5, rate: 48000, channels: 2, extra: ["-b", "24"])
        let fromWAV = try await inspector.prepareForUpload(hifi)
        XCTAssertTrue(fromWAV.converted)
        XCTAssertEqual(try inspector.check(fromWAV.url).wav?.isTelephony, true)
        XCTAssertTrue(FileManager.default.fileExists(atPath: hifi.path), "the user's file is never touched")

        let ogg = try fixtures.tone("long.ogg", seconds: 190)
        do {
            _ = try await inspector.prepareForUpload(ogg)
            XCTFail("a 190 s file was accepted")
        } catch {
            XCTAssertEqual("\(error)", "long.ogg is 190 s long; the PBX accepts at most 180 s")
        }
    }

    func testWithoutAConverterItSaysWhatToInstall() async throws {
        let flac = try fixtures.tone("greeting.flac", seconds: 1)
        let bare = AudioInspector(environment: ["PATH": try fixtures.folder("empty-bin").path], store: store)
        do {
            _ = try await bare.prepareForUpload(flac)
            XCTFail("FLAC accepted without a converter")
        } catch {
            XCTAssertEqual(
                "\(error)",
                "greeting.flac is FLAC audio, not WAV or MP3; install sox (apt install sox) or ffmpeg (apt install ffmpeg) to convert it")
        }
    }

    func testPrivateFolderPermissions() throws {
        let file = try store.makeFile(named: "x.wav")
        var info = stat()
        stat(try store.folder().path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o700)
        stat(file.path, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        XCTAssertTrue(try store.folder().lastPathComponent.hasPrefix("vmtui-\(getpid())-"))
        store.removeAll()
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.deletingLastPathComponent().path))
    }
}
