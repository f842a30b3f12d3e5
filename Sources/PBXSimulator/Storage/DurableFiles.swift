import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations that survive a crash (kill -9 or power loss) at any moment:
/// data is written to a temporary file in the same directory, fsynced, renamed over the
/// target, and the directory is fsynced so the rename itself is durable.
enum DurableFiles {
    /// Temporary files start with this prefix; startup recovery deletes any left behind.
    static let temporaryPrefix = ".tmp-"

    struct IOError: Error, CustomStringConvertible {
        var description: String
        init(_ operation: String, _ path: String, errno code: Int32 = errno) {
            description = "\(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(temporaryPrefix + UUID().uuidString)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw IOError("create", temporary.path) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try data.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw IOError("write", temporary.path)
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw IOError("fsync", temporary.path) }
            close(fd)
            closed = true
            guard rename(temporary.path, url.path) == 0 else { throw IOError("rename", url.path) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        try syncDirectory(directory)
    }

    /// A second name for an existing file (audio is never modified in place, so sharing the
    /// inode between a message and its renumbered or moved copy is safe).
    static func link(_ source: URL, to target: URL) throws {
        if Glibc.link(source.path, target.path) != 0 {
            if errno == EEXIST {
                unlink(target.path)
                guard Glibc.link(source.path, target.path) == 0 else { throw IOError("link", target.path) }
            } else {
                // A file system without hard links: fall back to a durable copy.
                let data = try Data(contentsOf: source)
                try write(data, to: target)
                return
            }
        }
        try syncDirectory(target.deletingLastPathComponent())
    }

    static func remove(_ url: URL) throws {
        if unlink(url.path) != 0, errno != ENOENT { throw IOError("unlink", url.path) }
    }

    static func removeAndSync(_ url: URL) throws {
        try remove(url)
        try syncDirectory(url.deletingLastPathComponent())
    }

    static func syncDirectory(_ directory: URL) throws {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError("open directory", directory.path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError("fsync directory", directory.path) }
    }

    static func makeDirectory(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    static func modificationDate(_ url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    static func fileSize(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    static func exists(_ url: URL) -> Bool {
        access(url.path, F_OK) == 0
    }
}
