import AudioFormats
import Foundation

/// 16-bit mono PCM in a canonical 44-byte-header WAV: what the demo seed writes.
struct PCMWave {
    var sampleRate = 8000
    var samples: [Int16]

    var data: Data {
        var out = Data()
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        func append16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        let dataBytes = UInt32(samples.count * 2)
        out.append(contentsOf: Array("RIFF".utf8))
        append32(36 + dataBytes)
        out.append(contentsOf: Array("WAVEfmt ".utf8))
        append32(16)
        append16(1)  // PCM
        append16(1)  // mono
        append32(UInt32(sampleRate))
        append32(UInt32(sampleRate * 2))
        append16(2)
        append16(16)
        out.append(contentsOf: Array("data".utf8))
        append32(dataBytes)
        samples.withUnsafeBufferPointer { buffer in
            for sample in buffer { withUnsafeBytes(of: sample.littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }

    /// Reads 16-bit PCM or 8-bit G.711 mu-law mono WAV (the committed demo clips).
    init?(decoding wav: Data) {
        guard let info = WAVInfo.parse(wav), info.channels == 1 else { return nil }
        let b = [UInt8](wav)
        let end = info.dataOffset + info.dataLength
        switch (info.encoding, info.bitsPerSample) {
        case (.pcm, 16):
            samples = stride(from: info.dataOffset, to: end - 1, by: 2).map {
                Int16(bitPattern: ByteReading.uint16LE(b, $0))
            }
        case (.muLaw, 8):
            samples = b[info.dataOffset..<end].map(Self.expandMuLaw)
        default:
            return nil
        }
        sampleRate = info.sampleRate
    }

    init(sampleRate: Int = 8000, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.samples = samples
    }

    /// ITU-T G.711 mu-law to linear.
    static func expandMuLaw(_ byte: UInt8) -> Int16 {
        let value = ~byte
        let sign = value & 0x80
        let exponent = Int((value >> 4) & 0x07)
        let mantissa = Int(value & 0x0F)
        let magnitude = ((mantissa << 3) + 0x84) << exponent - 0x84
        return Int16(sign != 0 ? -magnitude : magnitude)
    }
}
