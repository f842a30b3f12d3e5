import FoundationEssentials
import Glibc

/// File operations that survive a crash (kill -9 or power loss) at any moment:
/// data is written to a temporary file in the same directory, fsynced, renamed over the
/// target, and the directory is fsynced so the rename itself is durable.
///
/// Who owns what is created (`FileCreation`): pbx-sim keeps everything private to its user,
/// the spool backend makes files as app_voicemail would in that folder.
package enum DurableFiles {
    package static let fileMode: mode_t = 0o600
    package static let directoryMode: mode_t = 0o700

    /// Temporary files start with this prefix; recovery deletes any left behind.
    package static let temporaryPrefix = ".tmp-"

    package struct IOError: Error, CustomStringConvertible {
        package var description: String
        package var path: String
        package init(_ operation: String, _ path: String, errno code: Int32 = errno) {
            self.path = path
            description = "\(operation) \(path): \(String(cString: strerror(code)))"
        }
    }

    package static func write(_ data: Data, to url: URL, creation: FileCreation = .private) throws {
        try writeThroughTemporary(to: url, creation: creation) { fd, path in
            try data.withUnsafeBytes { try writeAll(fd, $0, path) }
        }
    }

    /// Copies a regular file (never what a symbolic link points at) to `target`, durably.
    package static func copy(_ source: URL, to target: URL, creation: FileCreation) throws {
        let input = try openRegular(source.path)
        defer { close(input) }
        try writeThroughTemporary(to: target, creation: creation) { fd, path in
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(input, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw IOError("read", source.path)
                }
                if count == 0 { break }
                try buffer.withUnsafeBytes { try writeAll(fd, UnsafeRawBufferPointer(rebasing: $0[0..<count]), path) }
            }
        }
    }

    /// Opens a file for reading only when it is a regular file itself: a symbolic link (to
    /// /etc/shadow, say) or a device in a spool folder is refused, not followed.
    package static func openRegular(_ path: String) throws -> Int32 {
        try openRegularWithStatus(path).fd
    }

    /// `openRegular`, with the file's status (one fstat serves both checks and callers).
    package static func openRegularWithStatus(_ path: String) throws -> (fd: Int32, status: stat) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw IOError(errno == ELOOP ? "not a regular file (a symbolic link):" : "open", path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw IOError("not a regular file:", path, errno: EINVAL)
        }
        return (fd, info)
    }

    private static func writeThroughTemporary(
        to url: URL, creation: FileCreation, fill: (Int32, String) throws -> Void
    ) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(temporaryPrefix + UUID().uuidString)
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, creation.createMode)
        guard fd >= 0 else { throw IOError("create", temporary.path) }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do {
            try fill(fd, temporary.path)
            creation.adopt(fd, in: directory.path, name: url.lastPathComponent)
            guard fsync(fd) == 0 else { throw IOError("fsync", temporary.path) }
            close(fd)
            closed = true
            CrashPoint.step()
            guard rename(temporary.path, url.path) == 0 else { throw IOError("rename", url.path) }
        } catch {
            unlink(temporary.path)
            throw error
        }
        try syncDirectory(directory)
    }

    private static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, _ path: String) throws {
        var offset = 0
        while offset < raw.count {
            let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw IOError("write", path)
            }
            offset += written
        }
    }

    /// `link` whose durability comes from one `syncDirectory` after a batch (renumbering a
    /// folder costs one directory fsync, not one per file).
    package static func linkWithoutSync(_ source: URL, to target: URL) throws {
        CrashPoint.step()
        if Glibc.link(source.path, target.path) != 0 {
            if errno == EEXIST {
                unlink(target.path)
                guard Glibc.link(source.path, target.path) == 0 else { throw IOError("link", target.path) }
            } else {
                // A file system without hard links: fall back to a durable copy.
                try copy(source, to: target, creation: .private)
                return
            }
        }
    }

    /// Moves a file within one file system (the upload staging area is inside the spool).
    package static func renameWithoutSync(_ source: URL, to target: URL) throws {
        CrashPoint.step()
        guard Glibc.rename(source.path, target.path) == 0 else { throw IOError("rename", target.path) }
    }

    package static func fsyncFile(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError("open", url.path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError("fsync", url.path) }
    }

    /// Device and inode: two names of one file (a hard link) have the same.
    package static func identity(_ url: URL) -> FileIdentity? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    package static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    package static func isRegularFile(_ url: URL) -> Bool {
        let info = lstat_(url)
        return info.map { ($0.st_mode & S_IFMT) == S_IFREG } ?? false
    }

    private static func lstat_(_ url: URL) -> stat? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? info : nil
    }

    // String-path forms for the hot loops (renumbering and scanning 9,999 messages): building
    // a URL costs more than the system call.

    package static func linkWithoutSync(path source: String, to target: String) throws {
        CrashPoint.step()
        if Glibc.link(source, target) != 0 {
            guard errno == EEXIST else { throw IOError("link", target) }
            unlink(target)
            guard Glibc.link(source, target) == 0 else { throw IOError("link", target) }
        }
    }

    package static func renameWithoutSync(path source: String, to target: String) throws {
        CrashPoint.step()
        guard Glibc.rename(source, target) == 0 else { throw IOError("rename", target) }
    }

    package static func remove(path: String) throws {
        CrashPoint.step()
        if unlink(path) != 0, errno != ENOENT { throw IOError("unlink", path) }
    }

    package static func status(path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    package static func lstatus(path: String) -> stat? {
        var info = stat()
        return lstat(path, &info) == 0 ? info : nil
    }

    package static func identity(_ info: stat) -> FileIdentity {
        FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    package static func modificationDate(_ info: stat) -> Date {
        Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    package static func remove(_ url: URL) throws {
        try remove(path: url.path)
    }

    package static func syncDirectory(_ directory: URL) throws {
        let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError("open directory", directory.path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw IOError("fsync directory", directory.path) }
    }

    /// Creates the directory and any missing parents (0700 each when private; else as
    /// `FileCreation.likeFolder` says).
    package static func makeDirectory(_ url: URL, creation: FileCreation = .private) throws {
        if isDirectory(url) { return }
        let parent = url.deletingLastPathComponent()
        if parent.path != url.path, !isDirectory(parent) { try makeDirectory(parent, creation: creation) }
        if mkdir(url.path, creation.directoryCreateMode) != 0, errno != EEXIST { throw IOError("mkdir", url.path) }
        creation.adoptDirectory(url.path, in: parent.path)
    }

    package static func modificationDate(_ url: URL) -> Date? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    package static func fileSize(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The path with every symbolic link resolved; nil when it does not exist.
    package static func resolvedPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    package static func exists(_ url: URL) -> Bool {
        access(url.path, F_OK) == 0
    }
}

package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
}
