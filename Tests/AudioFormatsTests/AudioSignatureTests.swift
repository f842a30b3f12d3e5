import AudioFormats
import Foundation
import VoicemailModel
import XCTest

final class AudioSignatureTests: XCTestCase {
    func testClaimedFormatFromTheFirstBytes() {
        XCTAssertEqual(AudioSignature.claimedFormat(ofHead: Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)), .wav)
        XCTAssertEqual(AudioSignature.claimedFormat(ofHead: Data("ID3\u{3}".utf8)), .mp3)
        XCTAssertEqual(AudioSignature.claimedFormat(ofHead: Data([0xFF, 0xFB, 0x90, 0x00])), .mp3)
        XCTAssertNil(AudioSignature.claimedFormat(ofHead: Data("hello world!".utf8)))
        XCTAssertNil(AudioSignature.claimedFormat(ofHead: Data("RIFF\u{0}\u{0}\u{0}\u{0}AVI ".utf8)))
        XCTAssertNil(AudioSignature.claimedFormat(ofHead: Data()))
    }

    func testContainerNames() {
        let cases: [(Data, String?)] = [
            (Data("fLaC\u{0}".utf8), "FLAC"),
            (Data("OggS".utf8) + Data(count: 24) + Data("OpusHead".utf8) + Data(count: 40), "Ogg Opus"),
            (Data("OggS".utf8) + Data(count: 24) + Data("\u{1}vorbis".utf8), "Ogg"),
            (Data("FORM\u{0}\u{0}\u{0}\u{0}AIFF".utf8), "AIFF"),
            (Data("\u{0}\u{0}\u{0}\u{20}ftypM4A ".utf8), "MP4/M4A"),
            (Data(".snd".utf8), "AU"),
            (Data("caff".utf8), "CAF"),
            (Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVE".utf8), "WAV"),
            (Data("RF64".utf8), "RF64 WAV"),
            (Data("wvpk".utf8), "WavPack"),
            (Data("#!AMR\n".utf8), "AMR"),
            (Data("ID3\u{4}".utf8), "MPEG audio"),
            (Data([0xFF, 0xF3, 0x18, 0xC4]), "MPEG audio"),
            (Data("Call Bob back.".utf8), nil),
        ]
        for (head, name) in cases {
            XCTAssertEqual(AudioSignature.containerName(ofHead: head), name, "\(Array(head.prefix(8)))")
        }
    }
}
