import Foundation
import VoicemailBackend
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

/// A file a command is about to write.
enum OutputFile {
    /// An existing file is never replaced without `--force`; a folder never.
    static func checkWritable(_ path: String, force: Bool) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue {
            throw CLIFailure(message: "\(path) is a folder; give a file name with -o", code: ExitStatus.failure)
        }
        if !force {
            throw CLIFailure(message: "\(path) already exists; use --force to replace it", code: ExitStatus.failure)
        }
    }
}
