import Foundation

/// What a RIFF/WAVE header says: encoding, rate, channels, sample size and where the audio is.
public struct WAVInfo: Sendable, Equatable {
    public enum Encoding: Sendable, Equatable {
        case pcm, float, aLaw, muLaw
        case other(UInt16)
    }

    public var encoding: Encoding
    public var sampleRate: Int
    public var channels: Int
    public var bitsPerSample: Int
    public var byteRate: Int
    /// Offset of the first audio byte.
    public var dataOffset: Int
    /// Bytes of audio (from the data chunk, or up to the end of the file when the header was
    /// written before the length was known, as recorders do).
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

    /// Parses the header from the start of a file; nil when it is not RIFF/WAVE.
    /// `fileLength` bounds the data chunk (a recorder's placeholder length is ignored).
    public static func parse(_ bytes: Data, fileLength: Int) -> WAVInfo? {
        let data = [UInt8](bytes)
        guard data.count >= 12, data[0..<4] == [0x52, 0x49, 0x46, 0x46], data[8..<12] == [0x57, 0x41, 0x56, 0x45]
        else { return nil }
        var offset = 12
        var format: (encoding: Encoding, channels: Int, rate: Int, byteRate: Int, bits: Int)?
        while offset + 8 <= data.count {
            let id = String(decoding: data[offset..<offset + 4], as: UTF8.self)
            let size = Int(readUInt32(data, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard body + 16 <= data.count else { return nil }
                var tag = readUInt16(data, body)
                if tag == 0xFFFE, body + 26 <= data.count, size >= 26 {
                    // WAVE_FORMAT_EXTENSIBLE: the real format is the sub-format GUID's first two bytes.
                    tag = readUInt16(data, body + 24)
                }
                let encoding: Encoding
                switch tag {
                case 1: encoding = .pcm
                case 3: encoding = .float
                case 6: encoding = .aLaw
                case 7: encoding = .muLaw
                default: encoding = .other(tag)
                }
                format = (encoding, Int(readUInt16(data, body + 2)), Int(readUInt32(data, body + 4)),
                    Int(readUInt32(data, body + 8)), Int(readUInt16(data, body + 14)))
            } else if id == "data" {
                guard let format, format.channels > 0, format.rate > 0 else { return nil }
                let available = max(0, fileLength - body)
                let length = (size == 0 || size == 0xFFFF_FFFF || size > available) ? available : size
                var byteRate = format.byteRate
                if byteRate == 0 { byteRate = format.rate * format.channels * max(1, format.bits / 8) }
                return WAVInfo(
                    encoding: format.encoding, sampleRate: format.rate, channels: format.channels,
                    bitsPerSample: format.bits, byteRate: byteRate, dataOffset: body, dataLength: length)
            }
            offset = body + size + (size & 1)
        }
        return nil
    }

    static func readUInt16(_ data: [UInt8], _ at: Int) -> UInt16 {
        UInt16(data[at]) | UInt16(data[at + 1]) << 8
    }

    static func readUInt32(_ data: [UInt8], _ at: Int) -> UInt32 {
        UInt32(data[at]) | UInt32(data[at + 1]) << 8 | UInt32(data[at + 2]) << 16 | UInt32(data[at + 3]) << 24
    }
}
