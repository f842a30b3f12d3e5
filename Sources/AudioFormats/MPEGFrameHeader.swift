/// One MPEG audio frame header (Layer I, II or III; MPEG-1, 2 or 2.5).
public struct MPEGFrameHeader: Sendable, Equatable {
    /// 1 = MPEG-1, 2 = MPEG-2, 25 = MPEG-2.5.
    public var version: Int
    /// 1, 2 or 3 (3 is MP3).
    public var layer: Int
    public var sampleRate: Int
    /// kbit/s.
    public var bitRate: Int
    /// Bytes, header included.
    public var length: Int
    public var samplesPerFrame: Int
    public var channels: Int
    /// Layer III side information after the header, where a Xing/Info tag would start.
    public var sideInfoLength: Int

    /// The fields every frame of one stream shares; a sync word whose neighbours disagree
    /// on them is a false one.
    public func sameStream(as other: MPEGFrameHeader) -> Bool {
        version == other.version && layer == other.layer && sampleRate == other.sampleRate
            && channels == other.channels
    }

    private static let bitRatesKbps: [[Int]] = [
        // MPEG-1 Layer I, II, III
        [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
        // MPEG-2/2.5 Layer I, then II and III
        [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ]

    /// The header at `offset`, or nil when the four bytes there are not a valid one (no sync,
    /// reserved version/layer/rate, free or bad bit rate).
    public init?(_ bytes: [UInt8], at offset: Int) {
        guard offset >= 0, offset + 4 <= bytes.count, bytes[offset] == 0xFF, bytes[offset + 1] & 0xE0 == 0xE0
        else { return nil }
        let versionBits = (bytes[offset + 1] >> 3) & 0x03  // 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
        let layerBits = (bytes[offset + 1] >> 1) & 0x03  // 3 = I, 2 = II, 1 = III
        let bitRateIndex = Int(bytes[offset + 2] >> 4)
        let rateIndex = Int((bytes[offset + 2] >> 2) & 0x03)
        guard versionBits != 1, layerBits != 0, bitRateIndex != 0, bitRateIndex != 15, rateIndex != 3 else {
            return nil
        }
        let padding = Int((bytes[offset + 2] >> 1) & 0x01)
        let mono = (bytes[offset + 3] >> 6) == 3
        let isMPEG1 = versionBits == 3
        version = isMPEG1 ? 1 : versionBits == 2 ? 2 : 25
        layer = 4 - Int(layerBits)
        sampleRate = [44100, 48000, 32000][rateIndex] / (isMPEG1 ? 1 : version == 2 ? 2 : 4)
        bitRate = Self.bitRatesKbps[isMPEG1 ? layer - 1 : (layer == 1 ? 3 : 4)][bitRateIndex]
        let bitsPerSecond = bitRate * 1000
        switch layer {
        case 1:
            samplesPerFrame = 384
            length = (12 * bitsPerSecond / sampleRate + padding) * 4
        case 2:
            samplesPerFrame = 1152
            length = 144 * bitsPerSecond / sampleRate + padding
        default:
            samplesPerFrame = isMPEG1 ? 1152 : 576
            length = (isMPEG1 ? 144 : 72) * bitsPerSecond / sampleRate + padding
        }
        guard length > 4 else { return nil }
        channels = mono ? 1 : 2
        sideInfoLength = isMPEG1 ? (mono ? 17 : 32) : (mono ? 9 : 17)
    }
}
