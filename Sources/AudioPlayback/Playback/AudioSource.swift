import FoundationEssentials

/// Where the bytes of a message come from. The client's `downloadAudio` fits behind this.
public protocol AudioSource: Sendable {
    /// Writes the audio into `file` (which exists, empty, mode 0600) as it arrives, calling
    /// `progress(bytesWritten, totalBytesIfKnown)` along the way. Honours task cancellation.
    func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws
}
