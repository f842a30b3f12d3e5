import Foundation

/// Uploaded audio on its way into the spool: a temporary file in the data directory's `tmp`
/// (same file system as the spool, so the store can link or rename it in), private to the
/// server, removed when the upload fails or has been filed.
struct UploadStaging: Sendable {
    let directory: URL

    init(dataDirectory: URL) throws {
        directory = dataDirectory.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // Whatever a crash left here was never acknowledged.
        for leftover in (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        where leftover.lastPathComponent.hasPrefix(Self.prefix) {
            try? FileManager.default.removeItem(at: leftover)
        }
    }

    static let prefix = "upload-"

    func makeFile() throws -> StagingFile {
        let url = directory.appendingPathComponent(Self.prefix + UUID().uuidString)
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw APIError.serverError("Cannot stage the upload; the server log has the details") }
        return StagingFile(url: url, handle: handle)
    }
}

/// One staged upload being written.
final class StagingFile: @unchecked Sendable {
    let url: URL
    private let handle: FileHandle

    init(url: URL, handle: FileHandle) {
        self.url = url
        self.handle = handle
    }

    func append(_ bytes: some Sequence<UInt8>) throws {
        try handle.write(contentsOf: Data(bytes))
    }

    func finish() throws {
        try handle.close()
    }

    func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}

/// A complete, checked upload in its staged file.
struct StagedAudio: Sendable {
    let url: URL
    let size: Int
    let info: AudioInspector.Info

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
