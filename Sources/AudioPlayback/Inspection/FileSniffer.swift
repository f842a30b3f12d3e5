import Foundation

/// Recognises audio containers vmtui can convert but not upload as they are.
enum FileSniffer {
    /// A human name for the audio format of `head`, or nil when it does not look like audio.
    static func otherAudioFormat(_ head: [UInt8]) -> String? {
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            let bytes = Array(text.utf8)
            return head.count >= offset + bytes.count && Array(head[offset..<offset + bytes.count]) == bytes
        }
        if starts("fLaC") { return "FLAC" }
        if starts("OggS") {
            if head.count > 64, String(decoding: head.prefix(64), as: UTF8.self).contains("OpusHead") {
                return "Ogg Opus"
            }
            return "Ogg"
        }
        if starts("FORM"), starts("AIFF", at: 8) || starts("AIFC", at: 8) { return "AIFF" }
        if starts("ftyp", at: 4) { return "MP4/M4A" }
        if starts(".snd") { return "AU" }
        if starts("caff") { return "CAF" }
        if starts("RIFF"), starts("WAVE", at: 8) { return "WAV" }
        if starts("RF64") { return "RF64 WAV" }
        if starts("wvpk") { return "WavPack" }
        if starts("#!AMR") { return "AMR" }
        if starts("ID3") { return "MPEG audio" }
        if head.count >= 2, head[0] == 0xFF, head[1] & 0xE0 == 0xE0 { return "MPEG audio" }
        return nil
    }

    /// Formats sox on Debian cannot read (ffmpeg can).
    static func needsFFmpeg(_ name: String) -> Bool {
        ["MP4/M4A", "Ogg Opus", "CAF", "AMR"].contains(name)
    }
}
