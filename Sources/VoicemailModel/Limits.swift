/// Limits from the vendor's guide, shared by the simulator and the client's pre-checks.
public enum VoicemailLimits {
    /// Messages per mailbox before deposits are refused (409 mailbox full).
    public static let defaultMailboxCapacity = 100
    /// Longest message or greeting, in seconds (413 too long).
    public static let maxDurationSeconds = 180
    /// Largest audio body the simulator accepts, in bytes (413 too large).
    public static let maxAudioBytes = 20 * 1024 * 1024
}
