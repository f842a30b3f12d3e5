import Foundation
import VoicemailModel

/// Recognises WAV and MP3 by their content (never by the announced Content-Type) and
/// measures their length.
enum AudioInspector {
    struct Info: Equatable, Sendable {
        var format: AudioFormat
        var seconds: Double

        /// Whole seconds as the API reports them; any audible content counts as at least 1 s.
        var wholeSeconds: Int {
            seconds > 0 ? max(1, Int(seconds.rounded())) : 0
        }
    }

    enum Failure: Error, Equatable {
        /// Neither WAV nor MP3.
        case unsupported
        /// Looks like WAV or MP3 but cannot be measured (truncated, corrupt, no audio).
        case unreadable(String)
    }

    static func sniff(_ data: Data) -> AudioFormat? {
        let bytes = [UInt8](data.prefix(12))
        if bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x41, 0x56, 0x45] {
            return .wav
        }
        if bytes.count >= 3, bytes[0..<3] == [0x49, 0x44, 0x33] { return .mp3 }
        if MP3Scanner.startsWithFrames(data) { return .mp3 }
        return nil
    }

    static func inspect(_ data: Data) -> Result<Info, Failure> {
        guard let format = sniff(data) else { return .failure(.unsupported) }
        switch format {
        case .wav:
            return WAVReader.duration(of: data).map { Info(format: .wav, seconds: $0) }
        case .mp3:
            return MP3Scanner.duration(of: data).map { Info(format: .mp3, seconds: $0) }
        }
    }
}

/// RIFF/WAVE: walks the chunks to the `fmt ` byte rate and the `data` size.
enum WAVReader {
    static func duration(of data: Data) -> Result<Double, AudioInspector.Failure> {
        let bytes = [UInt8](data)
        var offset = 12
        var byteRate: UInt32?
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(readUInt32(bytes, offset + 4))
            let body = offset + 8
            if id == "fmt " {
                guard size >= 16, body + 16 <= bytes.count else { return .failure(.unreadable("short fmt chunk")) }
                let channels = readUInt16(bytes, body + 2)
                let rate = readUInt32(bytes, body + 8)
                guard channels > 0, rate > 0 else { return .failure(.unreadable("no channels or byte rate")) }
                byteRate = rate
            } else if id == "data" {
                guard let byteRate else { return .failure(.unreadable("data before fmt")) }
                // Streams written without knowing their length say 0 or 0xFFFFFFFF; a
                // truncated file holds less than announced: count what is really there.
                let available = bytes.count - body
                let announced = size == 0 || size == 0xFFFF_FFFF ? available : min(size, available)
                guard announced > 0 else { return .failure(.unreadable("no audio samples")) }
                return .success(Double(announced) / Double(byteRate))
            }
            guard size >= 0 else { break }
            offset = body + size + (size & 1)
        }
        return .failure(.unreadable(byteRate == nil ? "no fmt chunk" : "no data chunk"))
    }

    static func readUInt32(_ b: [UInt8], _ o: Int) -> UInt32 {
        UInt32(b[o]) | UInt32(b[o + 1]) << 8 | UInt32(b[o + 2]) << 16 | UInt32(b[o + 3]) << 24
    }

    static func readUInt16(_ b: [UInt8], _ o: Int) -> UInt16 {
        UInt16(b[o]) | UInt16(b[o + 1]) << 8
    }
}
