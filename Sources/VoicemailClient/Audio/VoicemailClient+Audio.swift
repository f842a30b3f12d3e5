import AudioFormats
import FoundationEssentials
import SystemBasics
import VoicemailBackend
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension VoicemailClient {
    /// Streams a message's audio into `file` (never whole in memory) and checks it against the
    /// message (format, size, length) before anything is kept: the audio URL its record
    /// carried, else `/{id}/file`. Nothing reaches `file` before the check passes;
    /// `atomically: true` renames a hidden temporary sibling into place, `false` fills `file`
    /// itself (a player may already follow it), so a failure leaves nothing either way.
    @discardableResult
    public func downloadAudio(
        of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?
    ) async throws -> DownloadResult {
        let mailbox = message.mailbox.isEmpty ? effectiveMailbox(nil) : message.mailbox
        var call = APICall(
            path: APIPath.audio(Self.encodeID(message.id)), mailbox: mailbox, resource: "message \(message.id)",
            isAudioTransfer: true, progress: progress)
        call.absoluteURL = audioLocations.url(for: message.id, server: configuration.serverURL)
        return try await download(call, to: file, atomically: atomically, expecting: AudioExpectation(message))
    }

    /// The same for a message known by id (its record is read first, for the check).
    @discardableResult
    public func downloadAudio(
        id: String, mailbox: String? = nil, to file: URL, atomically: Bool = true, progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        let message = try await message(id: id, mailbox: mailbox)
        return try await downloadAudio(of: message, to: file, atomically: atomically, progress: progress)
    }

    /// Writes the answer to a hidden sibling of `file`, checks it, then renames it into place
    /// (`atomically`) or copies it into `file`.
    func download(
        _ call: APICall, to file: URL, atomically: Bool, expecting expectation: AudioExpectation? = nil
    ) async throws -> DownloadResult {
        let target = file.standardizedFileURL
        let writePath = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).part-\(UUID().uuidString.prefix(8))")
        let fd = open(writePath.path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
        var call = call
        call.sink = .fileDescriptor(fd)
        let reported = call.progress
        // Bytes that are not yet checked are not reported as available to a player.
        if !atomically { call.progress = nil }
        do {
            let response = try await send(call)
            guard close(fd) == 0 else {
                throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
            }
            try expectation?.check(writePath)
            if atomically {
                try Self.moveIntoPlace(writePath, target)
            } else {
                try Self.copyContents(of: writePath, into: target)
                unlink(writePath.path)
                reported?(TransferProgress(bytes: response.bytesDelivered, total: response.bytesDelivered))
            }
            return Self.result(response)
        } catch let error as VoicemailError {
            close(fd)
            unlink(writePath.path)
            throw error
        } catch {
            close(fd)
            unlink(writePath.path)
            throw VoicemailError(error)
        }
    }

    private static func moveIntoPlace(_ source: URL, _ target: URL) throws(VoicemailError) {
        guard rename(source.path, target.path) == 0 else {
            throw .localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
    }

    /// Fills `target` (created, or emptied) with `source`'s bytes without replacing its inode:
    /// a reader that opened `target` already sees them.
    private static func copyContents(of source: URL, into target: URL) throws(VoicemailError) {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw .localFile(path: source.path, reason: "cannot be read back") }
        defer { close(input) }
        let output = open(target.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard output >= 0 else {
            throw .localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress!, $0.count) }
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw .localFile(path: source.path, reason: String(cString: strerror(errno)).lowercased())
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { write(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw .localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
                }
                offset += written
            }
        }
    }

    static func result(_ response: TransferResponse) -> DownloadResult {
        let type = response.header("content-type")
        return DownloadResult(
            bytes: response.bytesDelivered, format: type.flatMap(AudioFormat.init(mimeType:)), contentType: type)
    }
}

/// Labels uploads with the right Content-Type from the file's first bytes.
public enum AudioSniffer {
    /// What the header claims (the server verifies the rest): see `AudioSignature.claimedFormat`.
    public static func format(of header: Data) -> AudioFormat? {
        AudioSignature.claimedFormat(ofHead: header)
    }

    /// The MIME type to send for a file: sniffed, else from the extension, else octet-stream
    /// (the server then answers 415 with its own reason).
    static func contentType(of file: URL) throws(VoicemailError) -> String {
        guard let handle = ReadableFile(path: file.path) else {
            let reason = FileManager.default.fileExists(atPath: file.path) ? "permission denied" : "no such file"
            throw .localFile(path: file.path, reason: reason)
        }
        let header = Data(handle.read(at: 0, count: 12) ?? [])
        if let format = format(of: header) { return format.mimeType }
        if let format = AudioFormat(rawValue: file.pathExtension.lowercased()) { return format.mimeType }
        return "application/octet-stream"
    }
}
