import Foundation

/// One upload being written to the store's staging area (see `SpoolStore.newUploadFile`):
/// private to the server, removed when the upload fails.
final class StagingFile: @unchecked Sendable {
    let url: URL
    private let handle: FileHandle

    init(creating url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw StoreError.io("cannot create the staging file \(url.path)") }
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

/// A complete, checked upload in its staged file. The store renames it into the spool; what
/// is left (a refused upload) is removed.
struct StagedAudio: Sendable {
    let url: URL
    let size: Int
    let info: AudioInspector.Info

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
