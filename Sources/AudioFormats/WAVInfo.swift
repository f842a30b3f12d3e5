import FoundationEssentials

/// What a RIFF/WAVE header says: encoding, rate, channels, sample size and where the audio is.
public struct WAVInfo: Sendable, Equatable {
    public enum Encoding: Sendable, Equatable {
        case pcm, float, aLaw, muLaw
        case other(UInt16)

        init(tag: UInt16) {
            switch tag {
            case 1: self = .pcm
            case 3: self = .float
            case 6: self = .aLaw
            case 7: self = .muLaw
            default: self = .other(tag)
            }
        }
    }

    public var encoding: Encoding
    public var sampleRate: Int
    public var channels: Int
    public var bitsPerSample: Int
    public var byteRate: Int
    /// Offset of the first audio byte.
    public var dataOffset: Int
    /// Bytes of audio (from the data chunk, or up to the end of the file when the header was
    /// written before the length was known, as recorders do, or the file was cut short).
    public var dataLength: Int

    public var duration: Double {
        byteRate > 0 ? Double(dataLength) / Double(byteRate) : 0
    }

    /// 8 kHz mono 16-bit PCM (or G.711): what the PBX plays without resampling.
    public var isTelephony: Bool {
        guard sampleRate == 8000, channels == 1 else { return false }
        switch encoding {
        case .pcm: return bitsPerSample == 16
        case .aLaw, .muLaw: return bitsPerSample == 8
        default: return false
        }
    }

    public var summary: String {
        let name: String
        switch encoding {
        case .pcm: name = "PCM \(bitsPerSample)-bit"
        case .float: name = "float \(bitsPerSample)-bit"
        case .aLaw: name = "A-law"
        case .muLaw: name = "µ-law"
        case .other(let tag): name = "encoding 0x\(String(tag, radix: 16))"
        }
        return "WAV \(name), \(sampleRate) Hz, \(channels == 1 ? "mono" : "\(channels) channels")"
    }

    static func isRIFFWave(_ bytes: [UInt8]) -> Bool {
        ByteReading.matches(bytes, "RIFF") && ByteReading.matches(bytes, "WAVE", at: 8)
    }

    /// Parses the header from the start of a file (the whole file, or only its first bytes);
    /// nil when it is not RIFF/WAVE or the header is broken. `fileLength` (default: the bytes
    /// given) bounds the data chunk, so a recorder's placeholder length is ignored.
    public static func parse(_ bytes: Data, fileLength: Int? = nil) -> WAVInfo? {
        try? read([UInt8](bytes), fileLength: fileLength).get()
    }

    /// Like `parse`, but says what is wrong: `.unsupported` when it is not RIFF/WAVE at all,
    /// `.unreadable` with the reason when the header is broken.
    public static func read(_ bytes: [UInt8], fileLength: Int? = nil) -> Result<WAVInfo, AudioProbeFailure> {
        guard isRIFFWave(bytes) else { return .failure(.unsupported) }
        let fileLength = fileLength ?? bytes.count
        var offset = 12
        var format: (encoding: Encoding, channels: Int, rate: Int, byteRate: Int, bits: Int)?
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(ByteReading.uint32LE(bytes, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard size >= 16, body + 16 <= bytes.count else { return .failure(.unreadable("short fmt chunk")) }
                var tag = ByteReading.uint16LE(bytes, body)
                if tag == 0xFFFE, size >= 26, body + 26 <= bytes.count {
                    // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format GUID's first two bytes.
                    tag = ByteReading.uint16LE(bytes, body + 24)
                }
                format = (
                    Encoding(tag: tag), Int(ByteReading.uint16LE(bytes, body + 2)),
                    Int(ByteReading.uint32LE(bytes, body + 4)), Int(ByteReading.uint32LE(bytes, body + 8)),
                    Int(ByteReading.uint16LE(bytes, body + 14)))
            } else if id == "data" {
                guard let format else { return .failure(.unreadable("data before fmt")) }
                guard format.channels > 0, format.rate > 0 else {
                    return .failure(.unreadable("no channels or sample rate"))
                }
                var byteRate = format.byteRate
                if byteRate == 0 { byteRate = format.rate * format.channels * max(1, format.bits / 8) }
                // Streams written without knowing their length say 0 or 0xFFFFFFFF; a
                // truncated file holds less than announced: count what is really there.
                let available = max(0, fileLength - body)
                let length = size == 0 || size == 0xFFFF_FFFF || size > available ? available : size
                return .success(
                    WAVInfo(
                        encoding: format.encoding, sampleRate: format.rate, channels: format.channels,
                        bitsPerSample: format.bits, byteRate: byteRate, dataOffset: body, dataLength: length))
            }
            offset = body + size + (size & 1)
        }
        return .failure(.unreadable(format == nil ? "no fmt chunk" : "no data chunk"))
    }
}
