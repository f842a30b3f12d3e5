import AudioFormats
import Foundation
import TestSupport
import VoicemailModel
import XCTest

final class WAVInfoTests: XCTestCase {
    private var fixtures: SoxFixtures!

    override func setUpWithError() throws { fixtures = try SoxFixtures(prefix: "vmtui-formats-tests") }
    override func tearDown() { fixtures.cleanUp() }

    func testDurationsAndFormatMatchSox() throws {
        let cases: [(String, Int, Int, [String], WAVInfo.Encoding, Int)] = [
            ("a.wav", 8000, 1, ["-b", "16"], .pcm, 16),
            ("b.wav", 44100, 2, ["-b", "16"], .pcm, 16),
            ("c.wav", 16000, 1, ["-b", "24"], .pcm, 24),
            ("ulaw.wav", 8000, 1, ["-e", "u-law"], .muLaw, 8),
            ("alaw.wav", 8000, 1, ["-e", "a-law"], .aLaw, 8),
            ("float.wav", 22050, 1, ["-e", "floating-point", "-b", "32"], .float, 32),
        ]
        for (name, rate, channels, extra, encoding, bits) in cases {
            let file = try fixtures.tone(name, seconds: 3.3, rate: rate, channels: channels, extra: extra)
            let data = try Data(contentsOf: file)
            let wav = try XCTUnwrap(WAVInfo.parse(data), name)
            XCTAssertEqual(wav.duration, try SoxFixtures.soxDuration(file), accuracy: 0.001, name)
            XCTAssertEqual(wav.sampleRate, rate, name)
            XCTAssertEqual(wav.channels, channels, name)
            XCTAssertEqual(wav.encoding, encoding, name)
            XCTAssertEqual(wav.bitsPerSample, bits, name)
            XCTAssertEqual(wav.isTelephony, rate == 8000 && channels == 1 && (bits == 16 || bits == 8), name)
            XCTAssertEqual(AudioSignature.format(of: data), .wav)
            XCTAssertEqual(try AudioProbe.inspect(data).get().duration, wav.duration, accuracy: 0.0001, name)
        }
        let speech = try fixtures.speechWAV("speech.wav")
        let info = try XCTUnwrap(WAVInfo.parse(try Data(contentsOf: speech)))
        XCTAssertEqual(info.duration, try SoxFixtures.soxDuration(speech), accuracy: 0.001)
        XCTAssertEqual(info.summary, "WAV PCM 16-bit, 8000 Hz, mono")
    }

    func testHeaderOnlyPrefixIsBoundedByTheFileLength() throws {
        let file = try fixtures.tone("long.wav", seconds: 10)
        let data = try Data(contentsOf: file)
        let info = try XCTUnwrap(WAVInfo.parse(data.prefix(4096), fileLength: data.count))
        XCTAssertEqual(info.duration, 10, accuracy: 0.001)
        XCTAssertEqual(info.dataOffset + info.dataLength, data.count)
    }

    func testTruncatedFileCountsOnlyWhatIsThere() throws {
        let data = Self.wav(seconds: 2)
        let cut = data.prefix(44 + 8000)  // half of the announced 2 s of 16-bit 8 kHz mono
        let info = try XCTUnwrap(WAVInfo.parse(cut))
        XCTAssertEqual(info.duration, 0.5, accuracy: 0.0001)
        XCTAssertEqual(AudioProbe.inspect(cut).map(\.duration), .success(0.5))
        // Only the header: recognisably WAV, but nothing to play.
        XCTAssertEqual(AudioProbe.inspect(data.prefix(44)), .failure(.unreadable("no audio samples")))
        XCTAssertEqual(AudioProbe.inspect(data.prefix(30)), .failure(.unreadable("short fmt chunk")))
        XCTAssertEqual(AudioProbe.inspect(data.prefix(40)), .failure(.unreadable("no data chunk")))
        XCTAssertEqual(AudioProbe.inspect(Data("RIFF....WAVEjunk".utf8)), .failure(.unreadable("no fmt chunk")))
    }

    func testStreamingPlaceholderSizes() throws {
        for placeholder: UInt32 in [0, 0xFFFF_FFFF] {
            var data = Self.wav(seconds: 1.5)
            data.replaceSubrange(40..<44, with: withUnsafeBytes(of: placeholder.littleEndian) { Data($0) })
            data.replaceSubrange(4..<8, with: withUnsafeBytes(of: placeholder.littleEndian) { Data($0) })
            XCTAssertEqual(try XCTUnwrap(WAVInfo.parse(data)).duration, 1.5, accuracy: 0.0001, "\(placeholder)")
        }
    }

    func testChunksBeforeFmtAndExtensibleFormat() throws {
        // A LIST chunk of odd size (padded) before fmt, and WAVE_FORMAT_EXTENSIBLE with a PCM GUID.
        var data = Data("RIFF".utf8) + le32(0) + Data("WAVE".utf8)
        data += Data("LIST".utf8) + le32(5) + Data("INFOx".utf8) + Data([0])
        data += Data("fmt ".utf8) + le32(40) + le16(0xFFFE) + le16(2) + le32(16000) + le32(64000) + le16(4) + le16(16)
        data += le16(22) + le16(16) + le32(3) + le16(1) + Data(count: 14)
        data += Data("data".utf8) + le32(32000) + Data(count: 32000)
        let info = try XCTUnwrap(WAVInfo.parse(data))
        XCTAssertEqual(info.encoding, .pcm)
        XCTAssertEqual(info.channels, 2)
        XCTAssertEqual(info.duration, 0.5, accuracy: 0.0001)
    }

    func testDataBeforeFmtAndZeroChannelsAreUnreadable() {
        let dataFirst = Data("RIFF".utf8) + le32(0) + Data("WAVE".utf8) + Data("data".utf8) + le32(4) + Data(count: 4)
        XCTAssertEqual(WAVInfo.read([UInt8](dataFirst)), .failure(.unreadable("data before fmt")))
        var silent = Self.wav(seconds: 1)
        silent.replaceSubrange(22..<24, with: le16(0))
        XCTAssertEqual(WAVInfo.read([UInt8](silent)), .failure(.unreadable("no channels or sample rate")))
        XCTAssertEqual(WAVInfo.read(Array("not a wave file".utf8)), .failure(.unsupported))
    }

    /// 8 kHz mono 16-bit silence with a canonical 44-byte header.
    static func wav(seconds: Double) -> Data {
        let bytes = Int(seconds * 16000)
        var data = Data("RIFF".utf8) + le32(UInt32(36 + bytes)) + Data("WAVE".utf8)
        data += Data("fmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(8000) + le32(16000) + le16(2) + le16(16)
        return data + Data("data".utf8) + le32(UInt32(bytes)) + Data(count: bytes)
    }
}

func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
