#if canImport(Glibc)
    import Glibc
#endif

/// A file opened for reading by descriptor: what Foundation's `FileHandle` did for the client
/// (a header's first bytes, the size, a range at an offset), on POSIX calls.
public final class ReadableFile {
    private let fd: Int32

    /// Nil when the file cannot be opened for reading (absent, a permission, …).
    public init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    /// The size in bytes now (a growing file is measured again each time).
    public var size: Int? {
        var status = stat()
        return fstat(fd, &status) == 0 ? Int(status.st_size) : nil
    }

    /// Up to `count` bytes from `offset` (fewer at the end of the file); nil on a read error.
    public func read(at offset: Int, count: Int) -> [UInt8]? {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(fd, $0.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// Everything from `offset` to the end of the file.
    public func readToEnd(from offset: Int = 0) -> [UInt8]? {
        var out: [UInt8] = []
        var at = offset
        while true {
            guard let chunk = read(at: at, count: 64 * 1024) else { return nil }
            out += chunk
            at += chunk.count
            if chunk.count < 64 * 1024 { return out }
        }
    }
}

public enum FileBytes {
    /// The first `count` bytes of the file (fewer when it is shorter); nil when it cannot be read.
    public static func head(of path: String, count: Int) -> [UInt8]? {
        ReadableFile(path: path)?.read(at: 0, count: count)
    }

    /// The size of what `path` names (symbolic links followed); nil when it cannot be stat'ed.
    public static func size(of path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// Replaces the contents of an existing file in place (a reader that holds it open sees
    /// the new bytes); false when it cannot be opened or written.
    public static func overwrite(_ path: String, with bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { return false }
        let written = writeAll(fd, bytes)
        return close(fd) == 0 && written
    }

    /// Writes every byte, resuming after interruptions and short writes.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, bytes.count - done) }
            if wrote < 0, errno == EINTR { continue }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }
}
