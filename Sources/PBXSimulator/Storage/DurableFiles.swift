import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File operations that survive a crash (kill -9 or power loss) at any moment:
/// data is written to a temporary file in the same directory, fsynced, renamed over the
/// target, and the directory is fsynced so the rename itself is durable.
///
/// Everything pbx-sim creates is private to its user (files 0600, directories 0700): the spool
/// holds other people's voicemail and users.json holds passwords.
enum DurableFiles {
    static let fileMode: mode_t = 0o600
    static let directoryMode: mode_t = 0o700

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
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
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
        try linkWithoutSync(source, to: target)
        try syncDirectory(target.deletingLastPathComponent())
    }

    /// `link` whose durability comes from one `syncDirectory` after a batch (renumbering a
    /// folder costs one directory fsync, not one per file).
    static func linkWithoutSync(_ source: URL, to target: URL) throws {
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
    }

    /// Moves a file within one file system (the upload staging area is inside the spool).
    static func renameWithoutSync(_ source: URL, to target: URL) throws {
        guard Glibc.rename(source.path, target.path) == 0 else { throw IOError("rename", target.path) }
    }

    static func fsyncFile(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError("open", url.path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError("fsync", url.path) }
    }

    /// Device and inode: two names of one file (a hard link) have the same.
    static func identity(_ url: URL) -> FileIdentity? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ url: URL) -> Bool {
        let info = lstat_(url)
        return info.map { ($0.st_mode & S_IFMT) == S_IFREG } ?? false
    }

    private static func lstat_(_ url: URL) -> stat? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? info : nil
    }

    /// Takes group and other permissions away from what pbx-sim keeps (files 0600,
    /// directories 0700); symbolic links are left alone.
    static func makePrivate(_ url: URL) {
        guard let info = lstat_(url) else { return }
        let kind = info.st_mode & S_IFMT
        let wanted: mode_t
        if kind == S_IFDIR { wanted = directoryMode } else if kind == S_IFREG { wanted = fileMode } else { return }
        if info.st_mode & 0o7777 != wanted { chmod(url.path, wanted) }
    }

    // String-path forms for the hot loops (renumbering and scanning 9,999 messages): building
    // a URL costs more than the system call.

    static func linkWithoutSync(path source: String, to target: String) throws {
        if Glibc.link(source, target) != 0 {
            guard errno == EEXIST else { throw IOError("link", target) }
            unlink(target)
            guard Glibc.link(source, target) == 0 else { throw IOError("link", target) }
        }
    }

    static func renameWithoutSync(path source: String, to target: String) throws {
        guard Glibc.rename(source, target) == 0 else { throw IOError("rename", target) }
    }

    static func remove(path: String) throws {
        if unlink(path) != 0, errno != ENOENT { throw IOError("unlink", path) }
    }

    static func status(path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func lstatus(path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    static func identity(_ info: stat) -> FileIdentity {
        FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    static func modificationDate(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
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

    /// Creates the directory and any missing parents, each 0700.
    static func makeDirectory(_ url: URL) throws {
        if isDirectory(url) { return }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path, !isDirectory(parent) { try makeDirectory(parent) }
        if mkdir(url.path, directoryMode) != 0, errno != EEXIST { throw IOError("mkdir", url.path) }
        // The umask may have taken bits away; never added any.
        chmod(url.path, directoryMode)
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

struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
}
