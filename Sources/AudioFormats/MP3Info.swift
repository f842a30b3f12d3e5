import FoundationEssentials

/// What an MPEG audio stream says: rate, channels and duration. The duration comes from a
/// Xing/Info or VBRI header when there is one, otherwise from counting every frame (exact for
/// constant and variable bit rates alike).
///
/// Recognition is strict: without a run of several consecutive frames of one stream, bytes
/// are not MPEG audio, however many 0xFFE sync patterns they hold.
public struct MP3Info: Sendable, Equatable {
    /// 1, 2 or 3 (3 is MP3 proper).
    public var layer: Int
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
        let name = layer == 3 ? "MP3" : "MPEG layer \(layer)"
        return "\(name) \(bitRate) kbit/s, \(sampleRate) Hz, \(channels == 1 ? "mono" : "stereo")"
    }

    /// Consecutive consistent frames that prove a stream. Fewer are enough only for a
    /// stream that starts right after the tags and ends exactly at the end of the file.
    static let framesForProof = 3
    /// How far past the tags the first frame may start (encoders' padding, junk).
    static let searchWindow = 64 * 1024

    /// Size of an ID3v2 tag at `offset` (header, body and optional footer), or 0.
    static func id3v2Length(_ bytes: [UInt8], at offset: Int) -> Int {
        guard ByteReading.matches(bytes, "ID3", at: offset), offset + 10 <= bytes.count else { return 0 }
        let size = bytes[offset + 6..<offset + 10].reduce(0) { ($0 << 7) | Int($1 & 0x7F) }
        let footer = (bytes[offset + 5] & 0x10) != 0 ? 10 : 0
        return 10 + size + footer
    }

    /// Offset of the audio after any ID3v2 tags (some encoders write several in a row).
    static func audioStart(_ bytes: [UInt8]) -> Int {
        var offset = 0
        while case let tag = id3v2Length(bytes, at: offset), tag > 0 { offset += tag }
        return offset
    }

    /// The header at `offset` when a run of consistent frames starts there (see
    /// `framesForProof`), nil otherwise.
    static func frameRun(
        _ bytes: [UInt8], at offset: Int, like stream: MPEGFrameHeader? = nil, shortRunEndingFileIsEnough: Bool
    ) -> MPEGFrameHeader? {
        var position = offset
        var first: MPEGFrameHeader?
        for count in 1...framesForProof {
            guard let header = MPEGFrameHeader(bytes, at: position),
                (stream ?? first).map(header.sameStream) ?? true,
                position + header.length <= bytes.count
            else { return nil }
            first = first ?? header
            position += header.length
            if position == bytes.count { return count == framesForProof || shortRunEndingFileIsEnough ? first : nil }
        }
        return first
    }

    /// The first proven frame run at or after `start`, searched within `limit` bytes.
    static func firstRun(_ bytes: [UInt8], from start: Int, limit: Int) -> (offset: Int, header: MPEGFrameHeader)? {
        let end = min(bytes.count, start + limit)
        var probe = start
        while probe < end {
            if bytes[probe] == 0xFF,
                let header = frameRun(bytes, at: probe, shortRunEndingFileIsEnough: probe == start)
            {
                return (probe, header)
            }
            probe += 1
        }
        return nil
    }

    /// True when `bytes` hold a proven MPEG audio stream (after any ID3v2 tags).
    public static func containsFrames(_ bytes: [UInt8]) -> Bool {
        let start = audioStart(bytes)
        return start < bytes.count && firstRun(bytes, from: start, limit: searchWindow) != nil
    }

    /// Measures a whole file; nil when it holds no proven MPEG audio stream.
    public static func parse(_ bytes: Data) -> MP3Info? {
        try? read([UInt8](bytes)).get()
    }

    /// Like `parse`, but says what is wrong: `.unsupported` for bytes that are not MPEG audio,
    /// `.unreadable` for an ID3 tag with no audio after it.
    public static func read(_ bytes: [UInt8]) -> Result<MP3Info, AudioProbeFailure> {
        let start = audioStart(bytes)
        let tagged = start > 0 || ByteReading.matches(bytes, "ID3")
        guard start < bytes.count else {
            return .failure(tagged ? .unreadable("ID3 tag without audio") : .unsupported)
        }
        guard let first = firstRun(bytes, from: start, limit: searchWindow) else {
            return .failure(tagged ? .unreadable("no MPEG audio frame") : .unsupported)
        }
        if let info = vbrHeaderInfo(bytes, first.offset, first.header) { return .success(info) }

        var frames = 0
        var totalBitRate = 0
        var position = first.offset
        while position < bytes.count {
            if let header = MPEGFrameHeader(bytes, at: position), header.sameStream(as: first.header),
                position + header.length <= bytes.count
            {
                frames += 1
                totalBitRate += header.bitRate
                position += header.length
                continue
            }
            // Damage or a trailing tag (ID3v1, APE): carry on only where a proven run of the
            // same stream resumes, so sync patterns in the junk are never counted.
            guard let resumed = resync(bytes, after: position, like: first.header) else { break }
            position = resumed
        }
        return .success(
            MP3Info(
                layer: first.header.layer, sampleRate: first.header.sampleRate, channels: first.header.channels,
                frameCount: frames, samplesPerFrame: first.header.samplesPerFrame,
                bitRate: totalBitRate / max(1, frames)))
    }

    private static func resync(_ bytes: [UInt8], after position: Int, like stream: MPEGFrameHeader) -> Int? {
        var probe = position + 1
        while probe < bytes.count {
            if bytes[probe] == 0xFF,
                frameRun(bytes, at: probe, like: stream, shortRunEndingFileIsEnough: false) != nil
            {
                return probe
            }
            probe += 1
        }
        return nil
    }

    /// A Xing/Info header (after the side information) or VBRI (32 bytes in) holding the
    /// frame count. The header frame itself carries no audio and is not counted.
    private static func vbrHeaderInfo(_ bytes: [UInt8], _ offset: Int, _ header: MPEGFrameHeader) -> MP3Info? {
        let xing = offset + 4 + header.sideInfoLength
        if xing + 12 <= bytes.count, ByteReading.matches(bytes, "Xing", at: xing) || ByteReading.matches(bytes, "Info", at: xing) {
            let flags = ByteReading.uint32BE(bytes, xing + 4)
            if flags & 0x1 != 0 {
                let frames = Int(ByteReading.uint32BE(bytes, xing + 8))
                var byteCount = bytes.count - offset
                if flags & 0x2 != 0, xing + 16 <= bytes.count {
                    byteCount = Int(ByteReading.uint32BE(bytes, xing + 12))
                }
                return make(header, frames: frames, bytes: byteCount)
            }
        }
        let vbri = offset + 4 + 32
        if vbri + 18 <= bytes.count, ByteReading.matches(bytes, "VBRI", at: vbri) {
            let byteCount = Int(ByteReading.uint32BE(bytes, vbri + 10))
            let frames = Int(ByteReading.uint32BE(bytes, vbri + 14))
            return make(header, frames: frames, bytes: byteCount)
        }
        return nil
    }

    private static func make(_ header: MPEGFrameHeader, frames: Int, bytes: Int) -> MP3Info? {
        guard frames > 0 else { return nil }
        let seconds = Double(frames * header.samplesPerFrame) / Double(header.sampleRate)
        let kbps = seconds > 0 ? Int(Double(bytes) * 8 / seconds / 1000) : header.bitRate
        return MP3Info(
            layer: header.layer, sampleRate: header.sampleRate, channels: header.channels, frameCount: frames,
            samplesPerFrame: header.samplesPerFrame, bitRate: kbps)
    }
}
