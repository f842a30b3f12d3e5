#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VoicemailBackend
import VoicemailClient

#if canImport(Glibc)
    import Glibc
#endif

/// Copies a finished file to stdout in pieces (audio is never whole in memory).
enum StandardOutput {
    static func copy(_ file: URL) throws {
        let input = open(file.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            throw VoicemailError.localFile(path: file.path, reason: "cannot be read")
        }
        defer { close(input) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw VoicemailError.localFile(path: file.path, reason: "cannot be read") }
            if count == 0 { return }
            do { try StandardStreams.write(buffer[..<count], to: STDOUT_FILENO) } catch {
                throw CLIFailure(message: "cannot write to standard output: \(error)", code: ExitStatus.failure)
            }
        }
    }
}

/// A file a command is about to write.
enum OutputFile {
    /// An existing file is never replaced without `--force`; a folder never.
    static func checkWritable(_ path: String, force: Bool) throws {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory {
            throw CLIFailure(message: "\(path) is a folder; give a file name with -o", code: ExitStatus.failure)
        }
        if !force {
            throw CLIFailure(message: "\(path) already exists; use --force to replace it", code: ExitStatus.failure)
        }
    }
}
