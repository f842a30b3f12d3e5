import FoundationEssentials
import Glibc

/// The size of what a download or a play gets, which for a converted form is not the file's:
/// sox turns GSM and raw telephony audio into 16-bit PCM WAV (a 44-byte header, two bytes per
/// 8 kHz sample), so a 6 KiB wav49 message arrives as a 61 KiB file. `show` and the list say
/// that size, the one the user will have on disk. Counted from the file's size alone (no read).
enum AudioSize {
    static func delivered(of file: URL, form: AudioForm) -> Int {
        guard let bytes = SpoolFiles.size(file) else { return 0 }
        let samples: Int
        switch form {
        case .wav, .mp3: return bytes
        // app_voicemail's wav49 header is 60 bytes; each 65-byte block holds 320 samples.
        case .wav49: samples = max(0, bytes - 60) / 65 * 320
        // Raw GSM: 33-byte frames of 160 samples.
        case .gsm: samples = bytes / 33 * 160
        case .ulaw, .alaw: samples = bytes
        case .sln: samples = bytes / 2
        }
        return 44 + samples * 2
    }
}
