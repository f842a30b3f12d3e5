import Foundation

/// What an MPEG audio (layer III) stream says: rate, channels and duration. The duration comes
/// from a Xing/Info or VBRI header when there is one, otherwise from counting every frame
/// (exact for constant and variable bit rates alike).
public struct MP3Info: Sendable, Equatable {
    public var sampleRate: Int
    public var channels: Int
    public var frameCount: Int
    public var samplesPerFrame: Int
    /// Average bit rate in kbit/s.
    public var bitRate: Int

    public var duration: Double {
        sampleRate > 0 ? Double(frameCount * samplesPerFrame) / Double(sampleRate) : 0
    }

    public var summary: String {
        "MP3 \(bitRate) kbit/s, \(sampleRate) Hz, \(channels == 1 ? "mono" : "stereo")"
    }

    struct FrameHeader: Equatable {
        var version: Int  // 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5
        var sampleRate: Int
        var bitRate: Int
        var length: Int
        var samplesPerFrame: Int
        var channels: Int
        var sideInfoLength: Int

        /// The fields every frame of one stream shares, used to reject false sync words.
        func sameStream(as other: FrameHeader) -> Bool {
            version == other.version && sampleRate == other.sampleRate && channels == other.channels
        }
    }

    private static let bitRatesV1: [Int] = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
    private static let bitRatesV2: [Int] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]

    static func frameHeader(_ data: [UInt8], at i: Int) -> FrameHeader? {
        guard i + 4 <= data.count, data[i] == 0xFF, data[i + 1] & 0xE0 == 0xE0 else { return nil }
        let versionBits = (data[i + 1] >> 3) & 0x3
        let layerBits = (data[i + 1] >> 1) & 0x3
        guard versionBits != 1, layerBits == 1 else { return nil }  // layer III only
        let version = versionBits == 3 ? 1 : (versionBits == 2 ? 2 : 25)
        let bitRateIndex = Int(data[i + 2] >> 4)
        let rateIndex = Int((data[i + 2] >> 2) & 0x3)
        guard bitRateIndex != 0, bitRateIndex != 15, rateIndex != 3 else { return nil }
        let baseRates = [44100, 48000, 32000]
        let sampleRate = baseRates[rateIndex] / (version == 1 ? 1 : (version == 2 ? 2 : 4))
        let bitRate = (version == 1 ? bitRatesV1 : bitRatesV2)[bitRateIndex]
        let padding = Int((data[i + 2] >> 1) & 0x1)
        let samples = version == 1 ? 1152 : 576
        let length = (samples / 8) * bitRate * 1000 / sampleRate + padding
        let mono = (data[i + 3] >> 6) == 3
        let sideInfo = version == 1 ? (mono ? 17 : 32) : (mono ? 9 : 17)
        guard length > 4 else { return nil }
        return FrameHeader(
            version: version, sampleRate: sampleRate, bitRate: bitRate, length: length,
            samplesPerFrame: samples, channels: mono ? 1 : 2, sideInfoLength: sideInfo)
    }

    /// Size of an ID3v2 tag at the start (header, body and optional footer), or 0.
    static func id3v2Length(_ data: [UInt8]) -> Int {
        guard data.count >= 10, data[0] == 0x49, data[1] == 0x44, data[2] == 0x33 else { return 0 }
        let size = data[6..<10].reduce(0) { ($0 << 7) | Int($1 & 0x7F) }
        let footer = (data[5] & 0x10) != 0 ? 10 : 0
        return 10 + size + footer
    }

    public static func parse(_ bytes: Data) -> MP3Info? {
        let data = [UInt8](bytes)
        var start = 0
        // Several ID3v2 tags may follow each other.
        while true {
            let tag = id3v2Length(Array(data[min(start, data.count)...]))
            if tag == 0 { break }
            start += tag
        }
        // Find the first frame that is followed by another one of the same stream (or ends
        // exactly at the end of the file): a lone 0xFFE… in a text file is not MP3.
        var first: (offset: Int, header: FrameHeader)?
        var probe = start
        let probeLimit = min(data.count, start + 64 * 1024)
        while probe < probeLimit {
            if let header = frameHeader(data, at: probe) {
                let next = probe + header.length
                if next == data.count || (frameHeader(data, at: next).map { $0.sameStream(as: header) } ?? false) {
                    first = (probe, header)
                    break
                }
            }
            probe += 1
        }
        guard let first else { return nil }

        if let info = vbrHeaderInfo(data, first.offset, first.header) { return info }

        var frames = 0
        var totalBitRate = 0
        var offset = first.offset
        while let header = frameHeader(data, at: offset), header.sameStream(as: first.header),
            offset + header.length <= data.count
        {
            frames += 1
            totalBitRate += header.bitRate
            offset += header.length
        }
        guard frames > 0 else { return nil }
        return MP3Info(
            sampleRate: first.header.sampleRate, channels: first.header.channels, frameCount: frames,
            samplesPerFrame: first.header.samplesPerFrame, bitRate: totalBitRate / frames)
    }

    /// A Xing/Info header (after the side information) or VBRI (32 bytes in) holding the
    /// frame count. The header frame itself carries no audio and is not counted.
    private static func vbrHeaderInfo(_ data: [UInt8], _ offset: Int, _ header: FrameHeader) -> MP3Info? {
        let xing = offset + 4 + header.sideInfoLength
        if xing + 12 <= data.count {
            let id = String(decoding: data[xing..<xing + 4], as: UTF8.self)
            if id == "Xing" || id == "Info" {
                let flags = WAVInfo.readUInt32BE(data, xing + 4)
                if flags & 0x1 != 0 {
                    let frames = Int(WAVInfo.readUInt32BE(data, xing + 8))
                    var bytes = data.count - offset
                    if flags & 0x2 != 0, xing + 16 <= data.count {
                        bytes = Int(WAVInfo.readUInt32BE(data, xing + 12))
                    }
                    return make(header, frames: frames, bytes: bytes)
                }
            }
        }
        let vbri = offset + 4 + 32
        if vbri + 18 <= data.count, String(decoding: data[vbri..<vbri + 4], as: UTF8.self) == "VBRI" {
            let bytes = Int(WAVInfo.readUInt32BE(data, vbri + 10))
            let frames = Int(WAVInfo.readUInt32BE(data, vbri + 14))
            return make(header, frames: frames, bytes: bytes)
        }
        return nil
    }

    private static func make(_ header: FrameHeader, frames: Int, bytes: Int) -> MP3Info? {
        guard frames > 0 else { return nil }
        let seconds = Double(frames * header.samplesPerFrame) / Double(header.sampleRate)
        let kbps = seconds > 0 ? Int(Double(bytes) * 8 / seconds / 1000) : header.bitRate
        return MP3Info(
            sampleRate: header.sampleRate, channels: header.channels, frameCount: frames,
            samplesPerFrame: header.samplesPerFrame, bitRate: kbps)
    }
}

extension WAVInfo {
    static func readUInt32BE(_ data: [UInt8], _ at: Int) -> UInt32 {
        UInt32(data[at]) << 24 | UInt32(data[at + 1]) << 16 | UInt32(data[at + 2]) << 8 | UInt32(data[at + 3])
    }
}
