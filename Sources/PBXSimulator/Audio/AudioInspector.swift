import AudioFormats
import Foundation
import VoicemailModel

/// Recognises WAV and MP3 by their content (never by the announced Content-Type) and
/// measures their length, in the API's terms (whole seconds).
enum AudioInspector {
    struct Info: Equatable, Sendable {
        var format: AudioFormat
        var seconds: Double

        /// Whole seconds as the API reports them; any audible content counts as at least 1 s.
        var wholeSeconds: Int {
            seconds > 0 ? max(1, Int(seconds.rounded())) : 0
        }
    }

    /// `.unsupported` (neither WAV nor MP3: 415) or `.unreadable` (claims to be one but
    /// cannot be measured: 400).
    typealias Failure = AudioProbeFailure

    static func inspect(_ data: Data) -> Result<Info, Failure> {
        AudioProbe.inspect(data).map { Info(format: $0.format, seconds: $0.duration) }
    }
}
