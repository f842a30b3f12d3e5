import Foundation

/// Where the bytes of a message come from. The client's `downloadAudio` fits behind this;
/// so does a local file (previewing a greeting before upload).
public protocol AudioSource: Sendable {
    /// Writes the audio into `file` (which exists, empty, mode 0600) as it arrives, calling
    /// `progress(bytesWritten, totalBytesIfKnown)` along the way. Honours task cancellation.
    func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws
}

/// A local file as a source: copied in chunks, so playback works the same way.
public struct LocalFileSource: AudioSource {
    public var url: URL

    public init(url: URL) { self.url = url }

    public func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws {
        guard let input = FileHandle(forReadingAtPath: url.path) else {
            throw AudioError.download("Cannot read \(url.lastPathComponent)")
        }
        defer { try? input.close() }
        let output = try FileHandle(forWritingTo: file)
        defer { try? output.close() }
        let total = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int64) ?? nil
        var written: Int64 = 0
        while true {
            try Task.checkCancellation()
            guard let chunk = try input.read(upToCount: 64 * 1024), !chunk.isEmpty else { break }
            try output.write(contentsOf: chunk)
            written += Int64(chunk.count)
            progress(written, total)
        }
    }
}
