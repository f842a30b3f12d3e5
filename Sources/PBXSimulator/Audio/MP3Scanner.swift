import Foundation

/// Measures MPEG audio (MP3 and its Layer I/II cousins): skips ID3v2 tags, trusts a
/// Xing/Info or VBRI frame count when present, otherwise sums the frames one by one.
enum MP3Scanner {
    struct FrameHeader: Equatable {
        var length: Int
        var samples: Int
        var sampleRate: Int
        var sideInfoLength: Int
        var isMPEG1: Bool
    }

    private static let bitratesKbps: [[Int]] = [
        // MPEG-1 Layer I, II, III
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        // MPEG-2/2.5 Layer I, then II and III
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ]

    static func header(_ b: [UInt8], at o: Int) -> FrameHeader? {
        guard o + 4 <= b.count, b[o] == 0xFF, b[o + 1] & 0xE0 == 0xE0 else { return nil }
        let versionBits = (b[o + 1] >> 3) & 0x03  // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
        let layerBits = (b[o + 1] >> 1) & 0x03  // 3 = I, 2 = II, 1 = III
        let bitrateIndex = Int(b[o + 2] >> 4)
        let rateIndex = Int((b[o + 2] >> 2) & 0x03)
        let padding = Int((b[o + 2] >> 1) & 0x01)
        let mono = (b[o + 3] >> 6) == 3
        guard versionBits != 1, layerBits != 0, bitrateIndex != 0, bitrateIndex != 15, rateIndex != 3 else {
            return nil
        }
        let isMPEG1 = versionBits == 3
        let layer = 4 - Int(layerBits)
        let baseRates = [44100, 48000, 32000]
        let sampleRate = baseRates[rateIndex] / (isMPEG1 ? 1 : versionBits == 2 ? 2 : 4)
        let table = isMPEG1 ? layer - 1 : (layer == 1 ? 3 : 4)
        let bitrate = bitratesKbps[table][bitrateIndex] * 1000
        let samples: Int
        let length: Int
        switch layer {
        case 1:
            samples = 384
            length = (12 * bitrate / sampleRate + padding) * 4
        case 2:
            samples = 1152
            length = 144 * bitrate / sampleRate + padding
        default:
            samples = isMPEG1 ? 1152 : 576
            length = (isMPEG1 ? 144 : 72) * bitrate / sampleRate + padding
        }
        guard length > 4 else { return nil }
        let sideInfo = isMPEG1 ? (mono ? 17 : 32) : (mono ? 9 : 17)
        return FrameHeader(length: length, samples: samples, sampleRate: sampleRate, sideInfoLength: sideInfo, isMPEG1: isMPEG1)
    }

    /// Content without an ID3 tag counts as MP3 only if two frames follow each other (or one
    /// frame fills the file): a lone 0xFFE sync in random bytes is not enough.
    static func startsWithFrames(_ data: Data) -> Bool {
        let bytes = [UInt8](data.prefix(8192))
        guard let first = header(bytes, at: 0) else { return false }
        if first.length == data.count { return true }
        // A frame cut short is not evidence of MP3: random bytes can start with a sync word.
        if first.length + 4 > bytes.count { return false }
        return header(bytes, at: first.length) != nil
    }

    static func id3v2Length(_ b: [UInt8]) -> Int {
        guard b.count >= 10, b[0] == 0x49, b[1] == 0x44, b[2] == 0x33 else { return 0 }
        let size = Int(b[6] & 0x7F) << 21 | Int(b[7] & 0x7F) << 14 | Int(b[8] & 0x7F) << 7 | Int(b[9] & 0x7F)
        let footer = b[5] & 0x10 != 0 ? 10 : 0
        return 10 + size + footer
    }

    static func duration(of data: Data) -> Result<Double, AudioInspector.Failure> {
        let b = [UInt8](data)
        var offset = 0
        // Some encoders write more than one tag in a row.
        while true {
            let tag = id3v2Length(Array(b[offset..<min(b.count, offset + 10)]))
            if tag == 0 { break }
            offset += tag
            if offset >= b.count { return .failure(.unreadable("ID3 tag without audio")) }
        }
        // Tolerate a little padding between the tag and the first frame.
        let searchEnd = min(b.count, offset + 4096)
        while offset < searchEnd, header(b, at: offset) == nil { offset += 1 }
        guard let first = header(b, at: offset) else { return .failure(.unreadable("no MPEG audio frame")) }

        if let frames = xingOrVBRIFrameCount(b, at: offset, header: first), frames > 0 {
            return .success(Double(frames) * Double(first.samples) / Double(first.sampleRate))
        }

        var samples = 0
        var frameCount = 0
        var position = offset
        while position < b.count {
            if let frame = header(b, at: position), position + frame.length <= b.count + frame.length / 2 {
                samples += frame.samples
                frameCount += 1
                position += frame.length
                continue
            }
            // A trailing ID3v1 tag ends the audio.
            if position + 3 <= b.count, b[position] == 0x54, b[position + 1] == 0x41, b[position + 2] == 0x47 { break }
            position += 1  // resynchronise after garbage
        }
        guard frameCount > 0 else { return .failure(.unreadable("no MPEG audio frame")) }
        return .success(Double(samples) / Double(first.sampleRate))
    }

    private static func xingOrVBRIFrameCount(_ b: [UInt8], at offset: Int, header: FrameHeader) -> Int? {
        let xing = offset + 4 + header.sideInfoLength
        if xing + 12 <= b.count {
            let tag = String(decoding: b[xing..<xing + 4], as: UTF8.self)
            if tag == "Xing" || tag == "Info" {
                let flags = WAVBigEndian.uint32(b, xing + 4)
                if flags & 0x1 != 0 { return Int(WAVBigEndian.uint32(b, xing + 8)) }
            }
        }
        let vbri = offset + 4 + 32
        if vbri + 18 <= b.count, String(decoding: b[vbri..<vbri + 4], as: UTF8.self) == "VBRI" {
            return Int(WAVBigEndian.uint32(b, vbri + 14))
        }
        return nil
    }
}

enum WAVBigEndian {
    static func uint32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) << 24 | UInt32(b[o + 1]) << 16 | UInt32(b[o + 2]) << 8 | UInt32(b[o + 3])
    }
}
