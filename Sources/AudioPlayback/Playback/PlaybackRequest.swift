import FoundationEssentials
import VoicemailModel

/// One thing to play: where its bytes come from, their format, and its length if known.
public struct PlaybackRequest: Sendable {
    public var source: any AudioSource
    public var format: AudioFormat
    /// Seconds, from the message's metadata; caps the wall-clock elapsed time.
    public var duration: Double?
    /// A readable hint for the private file's name (e.g. the message id).
    public var name: String

    public init(source: any AudioSource, format: AudioFormat, duration: Double?, name: String) {
        self.source = source
        self.format = format
        self.duration = duration
        self.name = name
    }
}
