import AudioFormats
import FoundationEssentials
import VoicemailModel

/// What `AudioInspector` found in a file.
public struct AudioReport: Sendable, Equatable {
    public var url: URL
    public var format: AudioFormat
    /// Seconds.
    public var duration: Double
    /// Bytes.
    public var size: Int
    public var wav: WAVInfo?
    public var mp3: MP3Info?

    /// True for WAV that is not 8 kHz mono 16-bit (or G.711): worth converting before upload.
    public var isNonTelephonyWAV: Bool {
        guard let wav else { return false }
        return !wav.isTelephony
    }
}

/// A file ready to upload: the original, or a converted copy in the private folder.
public struct PreparedAudio: Sendable, Equatable {
    public var url: URL
    public var format: AudioFormat
    public var duration: Double
    /// True when `url` is a converted copy (delete it with `discard()` after the upload).
    public var converted: Bool
    /// One line for the user when something was done or could be better, else nil.
    public var note: String?

    /// Deletes a converted copy; leaves the user's own file alone.
    public func discard(store: PrivateTempStore = .shared) {
        if converted { store.remove(url) }
    }
}
