#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VoicemailBackend
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#endif

/// Local transcripts kept between sessions: `$XDG_CACHE_HOME/vmtui/transcripts` (default
/// `~/.cache`), one file per message named by mailbox, message id and audio size (so new audio
/// under the same id is transcribed again). Folder 0700, files 0600: they are voicemail.
public struct TranscriptCache: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base = environment["XDG_CACHE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (Paths.home(environment).path + "/.cache")
        directory = URL(fileURLWithPath: base).appendingPathComponent("vmtui/transcripts")
    }

    /// `mailbox_id_size.txt`, every byte outside [A-Za-z0-9.-] written as `_XX`: safe on any
    /// filesystem, and two keys never share a name.
    public static func fileName(mailbox: String, id: String, size: Int) -> String {
        func safe(_ text: String) -> String {
            var out = ""
            for byte in text.utf8 {
                let scalar = Unicode.Scalar(byte)
                if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "_" + String(byte, radix: 16, uppercase: true).leftPadded(2)
                }
            }
            return out.isEmpty ? "_" : String(out.prefix(100))
        }
        return "\(safe(mailbox))__\(safe(id))__\(size).txt"
    }

    public func url(for message: VoicemailMessage) -> URL {
        directory.appendingPathComponent(Self.fileName(mailbox: message.mailbox, id: message.id, size: message.size))
    }

    public func read(_ message: VoicemailMessage) -> String? {
        guard let data = FileManager.default.contents(atPath: url(for: message).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    public func write(_ text: String, for message: VoicemailMessage) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(directory.path, 0o700)
        let target = url(for: message)
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw TranscribeError("cannot write the transcript cache in \(directory.path)") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw TranscribeError("cannot write the transcript cache in \(directory.path)")
        }
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// One line saying why a transcription failed.
public struct TranscribeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
