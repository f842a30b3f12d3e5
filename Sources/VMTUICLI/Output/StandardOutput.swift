import Foundation
import VoicemailClient

/// Copies a finished file to stdout in pieces (audio is never whole in memory).
enum StandardOutput {
    static func copy(_ file: URL) throws {
        guard let input = FileHandle(forReadingAtPath: file.path) else {
            throw VoicemailError.localFile(path: file.path, reason: "cannot be read")
        }
        defer { try? input.close() }
        while let chunk = try input.read(upToCount: 64 * 1024), !chunk.isEmpty {
            try FileHandle.standardOutput.write(contentsOf: chunk)
        }
    }
}
