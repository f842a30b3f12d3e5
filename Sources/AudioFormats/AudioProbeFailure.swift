/// Why bytes could not be measured as WAV or MP3.
public enum AudioProbeFailure: Error, Equatable, Sendable {
    /// Neither WAV nor MP3.
    case unsupported
    /// Looks like WAV or MP3 but cannot be measured (truncated, corrupt, no audio).
    case unreadable(String)
}
