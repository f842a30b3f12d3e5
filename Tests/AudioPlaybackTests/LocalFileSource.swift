import AudioPlayback
import Foundation
import VoicemailModel

/// A local file as an audio source, copied in chunks like a download, so the player tests need
/// no PBX. Only tests play local files, so this lives here rather than in the library.
struct LocalFileSource: AudioSource {
    var url: URL

    func download(to file: URL, progress: @escaping @Sendable (Int64, Int64?) -> Void) async throws {
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

extension PlaybackRequest {
    static func localFile(_ url: URL, format: AudioFormat, duration: Double?) -> PlaybackRequest {
        PlaybackRequest(source: LocalFileSource(url: url), format: format, duration: duration, name: "local")
    }
}
