import FoundationEssentials
import VoicemailModel

/// Recognises audio formats by content, never by a file name or an announced Content-Type.
public enum AudioSignature {
    /// What the first bytes claim (RIFF/WAVE, an ID3 tag or an MPEG sync word), without
    /// proof: enough to label an upload, which the server then verifies. 12 bytes suffice.
    public static func claimedFormat(ofHead head: Data) -> AudioFormat? {
        let bytes = [UInt8](head.prefix(12))
        if WAVInfo.isRIFFWave(bytes) { return .wav }
        if ByteReading.matches(bytes, "ID3") { return .mp3 }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] & 0xE0 == 0xE0 { return .mp3 }
        return nil
    }

    /// WAV by its RIFF/WAVE header; MP3 by an ID3v2 tag or a proven run of MPEG frames
    /// (a lone sync word in random bytes is not MP3). Pass the whole file.
    public static func format(of data: Data) -> AudioFormat? {
        format(of: [UInt8](data))
    }

    static func format(of bytes: [UInt8]) -> AudioFormat? {
        if WAVInfo.isRIFFWave(bytes) { return .wav }
        if ByteReading.matches(bytes, "ID3") || MP3Info.containsFrames(bytes) { return .mp3 }
        return nil
    }

    /// A human name for the audio container `head` (the first 256 bytes or so) claims to be,
    /// including formats that are neither WAV nor MP3 ("FLAC", "Ogg Opus", "AIFF"…), or nil
    /// when it does not look like audio.
    public static func containerName(ofHead head: Data) -> String? {
        let bytes = [UInt8](head)
        func starts(_ text: String, at offset: Int = 0) -> Bool { ByteReading.matches(bytes, text, at: offset) }
        if starts("fLaC") { return "FLAC" }
        if starts("OggS") {
            if bytes.count > 64, String(decoding: bytes.prefix(64), as: UTF8.self).contains("OpusHead") {
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
        if claimedFormat(ofHead: head) == .mp3 { return "MPEG audio" }
        return nil
    }
}
