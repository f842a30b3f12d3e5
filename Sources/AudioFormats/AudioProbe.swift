import FoundationEssentials
import VoicemailModel

/// Recognises WAV and MP3 by content and measures them in one call.
public enum AudioProbe {
    public struct Report: Sendable, Equatable {
        public var format: AudioFormat
        /// Seconds.
        public var duration: Double
        public var wav: WAVInfo?
        public var mp3: MP3Info?
    }

    /// The whole file in `data`. `.unsupported` when it is neither WAV nor MP3 (see
    /// `AudioSignature.format(of:)`), `.unreadable` when it claims to be one but holds no
    /// measurable audio (truncated header, no samples, an ID3 tag and nothing after it).
    public static func inspect(_ data: Data) -> Result<Report, AudioProbeFailure> {
        let bytes = [UInt8](data)
        switch AudioSignature.format(of: bytes) {
        case nil:
            return .failure(.unsupported)
        case .wav:
            return WAVInfo.read(bytes).flatMap { wav in
                wav.dataLength > 0
                    ? .success(Report(format: .wav, duration: wav.duration, wav: wav))
                    : .failure(.unreadable("no audio samples"))
            }
        case .mp3:
            return MP3Info.read(bytes).flatMap { mp3 in
                mp3.frameCount > 0
                    ? .success(Report(format: .mp3, duration: mp3.duration, mp3: mp3))
                    : .failure(.unreadable("no MPEG audio frame"))
            }
        }
    }
}
