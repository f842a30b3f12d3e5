import AudioFormats
import FoundationEssentials
import SystemBasics

/// The loudness of the last tenth of a second of a growing 16-bit WAV recording, read from
/// the file itself (the recorder has no other channel to tell us).
enum LevelMeter {
    /// 0…1 (RMS relative to full scale), or nil when the file holds no audio yet or is not
    /// 16-bit PCM.
    static func level(of file: URL, window seconds: Double = 0.1) -> Double? {
        guard let handle = ReadableFile(path: file.path), let size = handle.size, size > 44,
            let head = handle.read(at: 0, count: 4096).map({ Data($0) }),
            let wav = WAVInfo.parse(head, fileLength: size),
            wav.encoding == .pcm, wav.bitsPerSample == 16
        else { return nil }
        let frame = 2 * wav.channels
        let wanted = max(frame, Int(Double(wav.byteRate) * seconds) / frame * frame)
        let end = wav.dataOffset + (wav.dataLength / frame) * frame
        let start = max(wav.dataOffset, end - wanted)
        guard end > start, let bytes = handle.read(at: start, count: end - start), bytes.count >= 2
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
