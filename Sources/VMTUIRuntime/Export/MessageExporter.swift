import Synchronization
import VoicemailBackend
import VoicemailModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Why an export stopped, in one line.
public enum ExportFailure: Error, Equatable, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case message(id: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): \(reason)"
        case .message(let id, let reason): "message \(id): \(reason)"
        }
    }
}

/// How far an export is.
public struct ExportProgress: Sendable, Equatable {
    public var done: Int
    public var total: Int
    /// Files already there with the right size (an earlier run's).
    public var skipped: Int
}

/// What an export did.
public struct ExportSummary: Sendable, Equatable {
    public var written: Int
    public var skipped: Int
    public var bytes: Int64
    public var total: Int { written + skipped }
}

/// Exports messages' audio with index.csv and index.json into one folder; the screen (`e`)
/// and the CLI (`vmtui export`) share it. Audio streams to disk (the backend writes a hidden
/// temporary and renames it), the indexes are written row by row: memory does not grow with
/// the number of messages. A second run skips the files already complete and replaces the
/// others, so an interrupted export resumes.
public struct MessageExporter: Sendable {
    public let backend: any VoicemailBackend
    public let directory: URL
    /// Downloads running at once.
    public var inFlight: Int

    public init(backend: any VoicemailBackend, directory: URL, inFlight: Int = 4) {
        self.backend = backend
        self.directory = directory
        self.inFlight = max(1, inFlight)
    }

    public func export(
        _ messages: [VoicemailMessage], progress: (@Sendable (ExportProgress) -> Void)? = nil
    ) async throws -> ExportSummary {
        let path = directory.path
        try Self.makeDirectory(path)
        Self.removeTemporaries(in: path)
        let index = try ExportIndexWriter(directory: path)
        var summary = ExportSummary(written: 0, skipped: 0, bytes: 0)
        do {
            // Downloads run `inFlight` at a time; the indexes take them in list order.
            try await withThrowingTaskGroup(of: (Int, ExportEntry, Int64?).self) { group in
                var next = 0
                var waiting: [Int: (ExportEntry, Int64?)] = [:]
                var written = 0
                func start() {
                    let position = next
                    let message = messages[position]
                    next += 1
                    group.addTask {
                        let (entry, bytes) = try await self.exportOne(message)
                        return (position, entry, bytes)
                    }
                }
                while next < min(inFlight, messages.count) { start() }
                while let (position, entry, bytes) = try await group.next() {
                    waiting[position] = (entry, bytes)
                    while let (entry, bytes) = waiting.removeValue(forKey: written) {
                        try index.append(entry)
                        written += 1
                        if let bytes {
                            summary.written += 1
                            summary.bytes += bytes
                        } else {
                            summary.skipped += 1
                        }
                        progress?(ExportProgress(done: written, total: messages.count, skipped: summary.skipped))
                    }
                    if next < messages.count { start() }
                }
            }
            try index.finish()
        } catch {
            index.discard()
            Self.removeTemporaries(in: path)
            throw error
        }
        return summary
    }

    /// Downloads one message unless its file is complete already; nil bytes when skipped.
    private func exportOne(_ message: VoicemailMessage) async throws -> (ExportEntry, Int64?) {
        let name = ExportNames.file(for: message)
        let file = directory.appendingPathComponent(name)
        let entry = ExportEntry(message, file: name)
        if message.size > 0, Self.size(of: file.path) == Int64(message.size) { return (entry, nil) }
        try Task.checkCancellation()
        do {
            let result = try await backend.downloadAudio(of: message, to: file, atomically: true, progress: nil)
            return (entry, result.bytes)
        } catch let error as VoicemailError {
            throw ExportFailure.message(id: message.id, reason: error.message)
        }
    }

    static func size(of path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    static func makeDirectory(_ path: String) throws(ExportFailure) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .cannotWrite(path: path, reason: "is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: path, reason: "cannot be made (\(String(cString: strerror(errno)).lowercased()))")
        }
    }

    /// Removes what an interrupted export left: hidden temporaries of export files and indexes.
    /// Safe from a signal handler's queue (only readdir and unlink).
    public static func removeTemporaries(in path: String) {
        guard let dir = opendir(path) else { return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if ExportNames.isTemporary(name) { names.append(name) }
        }
        for name in names { unlink(path + "/" + name) }
    }
}
