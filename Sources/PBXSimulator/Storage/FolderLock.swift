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
        // Asterisk names it `.lock-<8 hex>`; ours adds `.<pid>` so that one left by a pbx-sim
        // killed before it wrote its pid inside is still recognised as abandoned.
        let unique = folder.appendingPathComponent(
            ".lock-" + MessageID.hex8(UInt32.random(in: 0...UInt32.max)) + ".\(getpid())")
        let fd = open(unique.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, DurableFiles.fileMode)
        guard fd >= 0 else { throw DurableFiles.IOError("create lock", unique.path) }
        // Our process id, so a lock left by a pbx-sim that was killed can be recognised.
        // (Asterisk's are empty: those are only ever waited for.)
        let owner = Array("\(getpid())\n".utf8)
        _ = owner.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(unique.path) }
        let target = folder.appendingPathComponent(lockName).path
        let deadline = Date().addingTimeInterval(timeout)
        while link(unique.path, target) != 0 {
            guard errno == EEXIST else { throw DurableFiles.IOError("lock", target) }
            if removeIfAbandoned(target) { continue }
            if Date() >= deadline {
                throw StoreError.busy(
                    "the \(folder.lastPathComponent) folder of mailbox \(folder.deletingLastPathComponent().lastPathComponent) "
                        + "is locked by another program (its .lock has been held for over \(Int(timeout)) s); try again")
            }
            usleep(2000)
        }
    }

    /// A lock whose holder's process is gone (pbx-sim killed while holding it) is removed.
    static func removeIfAbandoned(_ path: String) -> Bool {
        guard let pid = owner(of: path), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { return false }
        return unlink(path) == 0
    }

    /// The process id a pbx-sim lock file names; nil for Asterisk's (empty) ones.
    static func owner(of path: String) -> pid_t? {
        guard let data = FileManager.default.contents(atPath: path), data.count <= 32,
            let text = String(data: data, encoding: .utf8),
            let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
        else { return nil }
        return pid
    }

    /// The `.lock-<random>` names a killed pbx-sim left behind (never another process's).
    static func removeAbandonedNames(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(".lock-") {
            let path = folder.appendingPathComponent(name).path
            let named = name.split(separator: ".").last.flatMap { pid_t($0) }
            if let pid = named ?? owner(of: path), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(path)
            }
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
