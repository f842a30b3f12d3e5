import AsteriskSpoolFormat
import FoundationEssentials
import Glibc

/// What the spool backend asks of files beyond the spool library: sizes and dates by
/// `lstat` (a symbolic link is not followed to tell the size of what it points at).
enum SpoolFiles {
    static func names(in directory: URL) -> [String] { Array(DirectoryNames(directory.path)) }

    static func exists(_ url: URL) -> Bool { DurableFiles.lstatus(path: url.path) != nil }

    static func isDirectory(_ url: URL) -> Bool { DurableFiles.isDirectory(url) }

    static func size(_ url: URL) -> Int? { DurableFiles.lstatus(path: url.path).map { Int($0.st_size) } }

    static func isRegularFile(_ url: URL) -> Bool { DurableFiles.isRegularFile(url) }

    static func modificationDate(_ url: URL) -> Date? {
        DurableFiles.lstatus(path: url.path).map { Date(timeIntervalSince1970: Double($0.st_mtim.tv_sec)) }
    }
}

/// The spool root as the OS resolves it: a folder or mailbox reached through a symbolic link
/// is used only when it resolves inside (nothing outside the spool is read or changed).
struct SpoolRoot: Sendable {
    let path: String

    init(_ root: URL) {
        path = DurableFiles.resolvedPath(root.path) ?? root.standardizedFileURL.path
    }

    func contains(_ url: URL) -> Bool {
        guard let resolved = DurableFiles.resolvedPath(url.path) else { return false }
        return resolved == path || resolved.hasPrefix(path == "/" ? "/" : path + "/")
    }
}
