import AudioFormats
import Foundation

/// The loudness of the last tenth of a second of a growing 16-bit WAV recording, read from
/// the file itself (the recorder has no other channel to tell us).
enum LevelMeter {
    /// 0…1 (RMS relative to full scale), or nil when the file holds no audio yet or is not
    /// 16-bit PCM.
    static func level(of file: URL, window seconds: Double = 0.1) -> Double? {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 44,
            (try? handle.seek(toOffset: 0)) != nil,
            let head = try? handle.read(upToCount: 4096),
            let wav = WAVInfo.parse(head, fileLength: Int(size)),
            wav.encoding == .pcm, wav.bitsPerSample == 16
        else { return nil }
        let frame = 2 * wav.channels
        let wanted = max(frame, Int(Double(wav.byteRate) * seconds) / frame * frame)
        let end = wav.dataOffset + (wav.dataLength / frame) * frame
        let start = max(wav.dataOffset, end - wanted)
        guard end > start, (try? handle.seek(toOffset: UInt64(start))) != nil,
            let bytes = try? handle.read(upToCount: end - start), bytes.count >= 2
        else { return nil }
        var sum = 0.0
        var count = 0
        bytes.withUnsafeBytes { raw in
            var index = 0
            while index + 1 < raw.count {
                let sample = Int16(bitPattern: UInt16(raw[index]) | UInt16(raw[index + 1]) << 8)
                let value = Double(sample) / 32768
                sum += value * value
                count += 1
                index += 2
            }
        }
        guard count > 0 else { return nil }
        return min(1, (sum / Double(count)).squareRoot())
    }
}
