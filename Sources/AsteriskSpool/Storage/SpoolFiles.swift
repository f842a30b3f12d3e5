import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// File operations on the spool. Writes go to a temporary sibling (a name Asterisk never
/// reads: it does not start with "msg"), are fsynced and renamed into place, so a crash leaves
/// either the old state or the new one.
enum SpoolFiles {
    static let temporaryPrefix = ".vmtui-tmp-"

    struct Failure: Error {
        var path: String
        var reason: String
        init(_ operation: String, _ path: String, errno code: Int32 = errno) {
            self.path = path
            reason = "\(operation) failed: \(String(cString: strerror(code)))"
        }
    }

    static func names(in directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    static func exists(_ url: URL) -> Bool { access(url.path, F_OK) == 0 }

    static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func size(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    static func modificationDate(_ url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec))
    }

    /// `mkdir -p` with the mode app_voicemail uses (0777 less the umask).
    static func makeDirectory(_ url: URL) throws {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw Failure("mkdir", url.path, errno: EACCES)
        }
    }

    /// Writes `data` to `url` through a temporary sibling.
    static func write(_ data: Data, to url: URL) throws {
        try writeTemporary(in: url.deletingLastPathComponent()) { fd, path in
            try data.withUnsafeBytes { raw in try writeAll(fd, raw, path) }
        } commit: { temporary in try rename(temporary, to: url) }
    }

    /// Copies `source` to `target` through a temporary sibling of `target` (never a link: the
    /// copy must stay when the source is rewritten or removed).
    static func copy(_ source: URL, to target: URL) throws {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure("open", source.path) }
        defer { close(input) }
        try writeTemporary(in: target.deletingLastPathComponent()) { fd, path in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure("read", source.path)
                }
                if count == 0 { break }
                try buffer.withUnsafeBytes { try writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<count]), path) }
            }
        } commit: { temporary in try rename(temporary, to: target) }
    }

    /// A second name for a file that is about to lose its first (a move between folders);
    /// a copy where the file system has no hard links.
    static func linkOrCopy(_ source: URL, to target: URL) throws {
        unlink(target.path)
        if Glibc.link(source.path, target.path) == 0 { return }
        try copy(source, to: target)
    }

    static func rename(_ source: URL, to target: URL) throws {
        guard Glibc.rename(source.path, target.path) == 0 else { throw Failure("rename", target.path) }
    }

    static func remove(_ url: URL) throws {
        if unlink(url.path) != 0, errno != ENOENT { throw Failure("unlink", url.path) }
    }

    static func syncDirectory(_ directory: URL) {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    private static func writeTemporary(
        in directory: URL, fill: (Int32, String) throws -> Void, commit: (URL) throws -> Void
    ) throws {
        let temporary = directory.appendingPathComponent(temporaryPrefix + UUID().uuidString)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw Failure("create", temporary.path) }
        do {
            try fill(fd, temporary.path)
            guard fsync(fd) == 0 else { throw Failure("fsync", temporary.path) }
            close(fd)
            try commit(temporary)
        } catch {
            close(fd)
            unlink(temporary.path)
            throw error
        }
        syncDirectory(directory)
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, _ path: String) throws {
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure("write", path)
            }
            offset += written
        }
    }
}
