import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asterisk's lock on a spool folder (`ast_lock_path` with the default lockfile method):
/// create a uniquely named `.lock-<random>` in the folder and `link()` it to `.lock`, which
/// succeeds for exactly one process; retry for up to 5 s; remove `.lock` when done. Taking the
/// same lock the same way means pbx-sim and a running Asterisk never renumber a folder at once.
enum FolderLock {
    static let lockName = ".lock"
    static let defaultTimeout: TimeInterval = 5

    /// Runs `body` holding the folder's lock; `StoreError.busy` when another holder keeps it
    /// longer than `timeout`.
    static func withLock<T>(_ folder: URL, timeout: TimeInterval = defaultTimeout, _ body: () throws -> T) throws -> T {
        try acquire(folder, timeout: timeout)
        defer { release(folder) }
        return try body()
    }

    static func acquire(_ folder: URL, timeout: TimeInterval = defaultTimeout) throws {
        try DurableFiles.makeDirectory(folder)
        let unique = folder.appendingPathComponent(".lock-" + MessageID.hex8(UInt32.random(in: 0...UInt32.max)))
        let fd = open(unique.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DurableFiles.fileMode)
        guard fd >= 0 else { throw DurableFiles.IOError("create lock", unique.path) }
        close(fd)
        defer { unlink(unique.path) }
        let target = folder.appendingPathComponent(lockName).path
        let deadline = Date().addingTimeInterval(timeout)
        while link(unique.path, target) != 0 {
            guard errno == EEXIST else { throw DurableFiles.IOError("lock", target) }
            if Date() >= deadline {
                throw StoreError.busy(
                    "the \(folder.lastPathComponent) folder of mailbox \(folder.deletingLastPathComponent().lastPathComponent) "
                        + "is locked by another program (its .lock has been held for over \(Int(timeout)) s); try again")
            }
            usleep(2000)
        }
    }

    static func release(_ folder: URL) {
        unlink(folder.appendingPathComponent(lockName).path)
    }

    /// Runs `body` holding the locks of several folders, taken in one order (no deadlock
    /// between two pbx-sim writers; Asterisk holds one lock at a time).
    static func withLocks<T>(_ folders: [URL], timeout: TimeInterval = defaultTimeout, _ body: () throws -> T) throws -> T {
        let ordered = Array(Set(folders.map(\.standardizedFileURL.path))).sorted().map { URL(fileURLWithPath: $0, isDirectory: true) }
        var held: [URL] = []
        defer { for folder in held.reversed() { release(folder) } }
        for folder in ordered {
            try acquire(folder, timeout: timeout)
            held.append(folder)
        }
        return try body()
    }
}
