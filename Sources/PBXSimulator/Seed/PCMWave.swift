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
        let b = [UInt8](wav)
        guard b.count >= 12, String(decoding: b[0..<4], as: UTF8.self) == "RIFF" else { return nil }
        var offset = 12
        var formatTag: UInt16 = 0, bits: UInt16 = 0, channels: UInt16 = 0
        while offset + 8 <= b.count {
            let id = String(decoding: b[offset..<offset + 4], as: UTF8.self)
            let size = Int(WAVReader.readUInt32(b, offset + 4))
            let body = offset + 8
            if id == "fmt ", body + 16 <= b.count {
                formatTag = WAVReader.readUInt16(b, body)
                channels = WAVReader.readUInt16(b, body + 2)
                sampleRate = Int(WAVReader.readUInt32(b, body + 4))
                bits = WAVReader.readUInt16(b, body + 14)
            } else if id == "data" {
                let end = min(b.count, body + size)
                guard channels == 1 else { return nil }
                if formatTag == 1, bits == 16 {
                    samples = stride(from: body, to: end - 1, by: 2).map { Int16(bitPattern: WAVReader.readUInt16(b, $0)) }
                } else if formatTag == 7, bits == 8 {
                    samples = b[body..<end].map(Self.expandMuLaw)
                } else {
                    return nil
                }
                return
            }
            offset = body + size + (size & 1)
        }
        return nil
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
