import AudioFormats
import Foundation
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension VoicemailClient {
    /// Streams a message's audio into `file` as it arrives (never whole in memory).
    /// `atomically: true` writes a hidden temporary sibling and renames it on success, so a
    /// failure leaves nothing behind; `false` writes `file` itself as bytes arrive, so a player
    /// can start before the end (the file is removed if the transfer fails).
    @discardableResult
    public func downloadAudio(
        id: String, mailbox: String? = nil, to file: URL, atomically: Bool = true, progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        let call = APICall(
            path: APIPath.audio(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox), resource: "message \(id)",
            isAudioTransfer: true, progress: progress)
        return try await download(call, to: file, atomically: atomically)
    }

    /// Streams a message's audio to `onChunk`, called on the transfer thread in order.
    @discardableResult
    public func downloadAudio(
        id: String, mailbox: String? = nil, onChunk: @escaping @Sendable (Data) -> Void,
        progress: ProgressHandler? = nil
    ) async throws -> DownloadResult {
        var call = APICall(
            path: APIPath.audio(Self.encodeID(id)), mailbox: effectiveMailbox(mailbox), resource: "message \(id)",
            isAudioTransfer: true, progress: progress)
        call.sink = .chunks(onChunk)
        let response = try await send(call)
        return Self.result(response)
    }

    func download(_ call: APICall, to file: URL, atomically: Bool) async throws -> DownloadResult {
        let target = file.standardizedFileURL
        let writePath =
            atomically
            ? target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).part-\(UUID().uuidString.prefix(8))")
            : target
        let fd = open(writePath.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
        var call = call
        call.sink = .fileDescriptor(fd)
        do {
            let response = try await send(call)
            guard close(fd) == 0 else {
                throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
            }
            if atomically, rename(writePath.path, target.path) != 0 {
                let reason = String(cString: strerror(errno)).lowercased()
                unlink(writePath.path)
                throw VoicemailError.localFile(path: target.path, reason: reason)
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
        guard let handle = FileHandle(forReadingAtPath: file.path) else {
            let reason = FileManager.default.fileExists(atPath: file.path) ? "permission denied" : "no such file"
            throw .localFile(path: file.path, reason: reason)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 12)) ?? Data()
        if let format = format(of: header) { return format.mimeType }
        if let format = AudioFormat(rawValue: file.pathExtension.lowercased()) { return format.mimeType }
        return "application/octet-stream"
    }
}
