import AudioFormats
import Foundation
import TestSupport
import VoicemailModel
import XCTest

final class MP3InfoTests: XCTestCase {
    private var fixtures: SoxFixtures!

    override func setUpWithError() throws { fixtures = try SoxFixtures(prefix: "vmtui-formats-tests") }
    override func tearDown() { fixtures.cleanUp() }

    func testDurationsMatchSox() throws {
        let speech = try fixtures.speechWAV("speech.wav")
        let cbr = fixtures.url("speech.mp3")
        try SoxFixtures.run(["sox", speech.path, cbr.path])
        let stereo = fixtures.url("stereo.mp3")
        try SoxFixtures.run(["sox", "-n", "-r", "44100", "-c", "2", stereo.path, "synth", "7.5", "sine", "300"])
        let vbr = fixtures.url("vbr.mp3")
        try SoxFixtures.run(["sox", "-n", "-r", "22050", "-c", "1", "-C", "-4.2", vbr.path, "synth", "12", "sine", "500"])
        for (file, channels) in [(cbr, 1), (stereo, 2), (vbr, 1)] {
            let data = try Data(contentsOf: file)
            let info = try XCTUnwrap(MP3Info.parse(data), file.lastPathComponent)
            // sox decodes with libmad; one MPEG frame (at most 0.072 s) is the granularity.
            XCTAssertEqual(info.duration, try SoxFixtures.soxDuration(file), accuracy: 0.08, file.lastPathComponent)
            XCTAssertEqual(info.channels, channels)
            XCTAssertEqual(info.layer, 3)
            XCTAssertEqual(AudioSignature.format(of: data), .mp3)
            XCTAssertEqual(try AudioProbe.inspect(data).get().format, .mp3)
        }
    }

    func testFrameCountingWithoutTheXingTagAgreesWithIt() throws {
        // A VBR stream measured by its Xing tag and, with the tag's magic erased, by counting
        // frames: the count then includes the tag frame itself, which carries no audio.
        let file = fixtures.url("vbr.mp3")
        try SoxFixtures.run(["sox", "-n", "-r", "22050", "-c", "1", "-C", "-4.2", file.path, "synth", "5", "sine", "500"])
        var bytes = [UInt8](try Data(contentsOf: file))
        let tagged = try XCTUnwrap(MP3Info.parse(Data(bytes)))
        let tagOffset = try XCTUnwrap(Self.find(Array("Xing".utf8), in: bytes), "sox wrote no Xing tag")
        bytes.replaceSubrange(tagOffset..<tagOffset + 4, with: Array("none".utf8))
        let counted = try XCTUnwrap(MP3Info.parse(Data(bytes)))
        XCTAssertEqual(counted.frameCount - tagged.frameCount, 1)
        XCTAssertEqual(counted.duration, try SoxFixtures.soxDuration(file), accuracy: 0.08)
    }

    func testID3TagsInFrontChangeNothing() throws {
        let tone = try Data(contentsOf: try fixtures.tone("t.mp3", seconds: 4))
        let plain = try XCTUnwrap(MP3Info.parse(tone))
        // Two tags in a row; sync-like bytes inside a tag must be skipped, not read as frames.
        var data = Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0x02, 0x00]) + Data(repeating: 0xFF, count: 256)
        data += Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0, 20]) + Data(count: 20)
        data += tone
        XCTAssertEqual(try XCTUnwrap(MP3Info.parse(data)).duration, plain.duration, accuracy: 0.001)
        XCTAssertEqual(AudioSignature.format(of: data), .mp3)
    }

    func testTrailingJunkAndID3v1AreNotCounted() throws {
        // sox writes constant bit rate MP3 without a Xing/Info tag: every frame is counted.
        let file = try fixtures.tone("t.mp3", seconds: 3)
        let bytes = [UInt8](try Data(contentsOf: file))
        XCTAssertNil(Self.find(Array("Xing".utf8), in: bytes) ?? Self.find(Array("Info".utf8), in: bytes))
        let clean = try XCTUnwrap(MP3Info.parse(Data(bytes)))
        // Junk full of sync words, then an ID3v1 tag.
        let junk: [UInt8] = (0..<3000).map { $0 % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: $0 &* 31) | 0xE0 }
        let id3v1 = Array("TAG".utf8) + [UInt8](repeating: 0x20, count: 125)
        let dirty = try XCTUnwrap(MP3Info.parse(Data(bytes + junk + id3v1)))
        XCTAssertEqual(dirty.frameCount, clean.frameCount)
        XCTAssertEqual(clean.duration, try SoxFixtures.soxDuration(file), accuracy: 0.08)
    }

    func testXingFrameCountIsTrusted() throws {
        // MPEG-2 Layer III mono, 16 kHz: each frame is 72 * 8000 / 16000 = 36 bytes; four of
        // them, the first holding a Xing tag that claims 1000 frames.
        let header: [UInt8] = [0xFF, 0xF3, 0x18, 0xC4]
        var frames = header + [UInt8](repeating: 0, count: 9) + Array("Xing".utf8) + [0, 0, 0, 1, 0, 0, 0x03, 0xE8]
        frames += [UInt8](repeating: 0, count: 36 - frames.count)
        for _ in 0..<3 { frames += header + [UInt8](repeating: 0, count: 32) }
        let info = try XCTUnwrap(MP3Info.parse(Data(frames)))
        XCTAssertEqual(info.frameCount, 1000)
        XCTAssertEqual(info.duration, 1000 * 576 / 16000, accuracy: 0.01)
        // No byte count in the tag: the bit rate is what the file really holds over 36 s.
        XCTAssertEqual(info.bitRate, 144 * 8 / 36 / 1000)
    }

    func testVBRIFrameCountIsTrusted() throws {
        // MPEG-1 Layer III stereo, 44.1 kHz, 128 kbit/s: 417-byte frames; VBRI 32 bytes in.
        let header: [UInt8] = [0xFF, 0xFB, 0x90, 0x00]
        var first = header + [UInt8](repeating: 0, count: 32) + Array("VBRI".utf8)
        first += [0, 1, 0, 0, 0, 0] + [0, 0x01, 0x00, 0x00] + [0, 0, 0x01, 0xF4]  // version, delay, quality; bytes; 500 frames
        first += [UInt8](repeating: 0, count: 417 - first.count)
        var data = first
        for _ in 0..<3 { data += header + [UInt8](repeating: 0, count: 413) }
        let info = try XCTUnwrap(MP3Info.parse(Data(data)))
        XCTAssertEqual(info.frameCount, 500)
        XCTAssertEqual(info.duration, 500 * 1152 / 44100, accuracy: 0.001)
        XCTAssertEqual(info.summary, "MP3 40 kbit/s, 44100 Hz, stereo")  // 65536 bytes over 13.06 s
    }

    func testNoiseAndLoneSyncWordsAreNotMP3() {
        let noise = Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
        XCTAssertNil(AudioSignature.format(of: noise))
        XCTAssertEqual(AudioProbe.inspect(noise), .failure(.unsupported))
        let lone = Data([0xFF, 0xFB, 0x90, 0x00, 1, 2, 3])
        XCTAssertNil(AudioSignature.format(of: lone))
        XCTAssertEqual(AudioProbe.inspect(lone), .failure(.unsupported))
        // …though the first bytes alone do claim MP3, which is all an upload label needs.
        XCTAssertEqual(AudioSignature.claimedFormat(ofHead: lone), .mp3)
        // Two valid headers in a row, then junk: not a proven stream.
        let header: [UInt8] = [0xFF, 0xFB, 0x90, 0x00]
        let two = header + [UInt8](repeating: 0, count: 413) + header + [UInt8](repeating: 0, count: 413) + Array("junk".utf8)
        XCTAssertNil(AudioSignature.format(of: Data(two)))
        // Frames of different streams (48 kHz stereo, then 22.05 kHz mono) do not prove one.
        let mixed = header + [UInt8](repeating: 0, count: 413) + [0xFF, 0xF3, 0x98, 0xC4] + [UInt8](repeating: 0, count: 500)
        XCTAssertNil(MP3Info.parse(Data(mixed)))
        // Random bytes seeded with many sync words.
        var generator = SplitMix(seed: 42)
        let seeded = Data((0..<200_000).map { i -> UInt8 in i % 97 == 0 ? 0xFF : UInt8(truncatingIfNeeded: generator.next()) })
        XCTAssertNil(AudioSignature.format(of: seeded))
    }

    func testShortStreamThatFillsTheFileIsMP3() {
        let header: [UInt8] = [0xFF, 0xFB, 0x90, 0x00]
        let one = Data(header + [UInt8](repeating: 0, count: 413))
        XCTAssertEqual(AudioSignature.format(of: one), .mp3)
        XCTAssertEqual(try AudioProbe.inspect(one).get().duration, 1152.0 / 44100, accuracy: 0.0001)
    }

    func testID3TagWithoutAudioIsUnreadableNotUnsupported() {
        let tagOnly = Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0, 20]) + Data(count: 20)
        XCTAssertEqual(AudioSignature.format(of: tagOnly), .mp3)
        XCTAssertEqual(AudioProbe.inspect(tagOnly), .failure(.unreadable("ID3 tag without audio")))
        XCTAssertEqual(AudioProbe.inspect(tagOnly + Data("plain text, no frames".utf8)), .failure(.unreadable("no MPEG audio frame")))
    }

    func testLayerIIIsMeasuredToo() throws {
        let mp2 = fixtures.url("t.mp2")
        do {
            try SoxFixtures.run(["sox", "-n", "-r", "48000", "-c", "1", mp2.path, "synth", "2.5", "sine", "440"])
        } catch {
            throw XCTSkip("this sox cannot write MP2")
        }
        let info = try XCTUnwrap(MP3Info.parse(try Data(contentsOf: mp2)))
        XCTAssertEqual(info.layer, 2)
        XCTAssertEqual(info.duration, try SoxFixtures.soxDuration(mp2), accuracy: 0.08)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}

/// A small deterministic generator, so the noise is the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
