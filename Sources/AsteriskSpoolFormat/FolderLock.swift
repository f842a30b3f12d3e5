import FoundationEssentials
import Glibc

/// Asterisk's lock on a spool folder (`ast_lock_path` with the default lockfile method):
/// create a uniquely named `.lock-<random>` in the folder and `link()` it to `.lock`, which
/// succeeds for exactly one process; retry for up to 5 s; remove `.lock` when done. Taking the
/// same lock the same way means vmtui, pbx-sim and a running Asterisk never renumber a folder
/// at once.
///
/// Ours also say who holds them: the name is `.lock-<random>.<pid>` and the file holds the
/// pid, so a lock left by a process that was killed (its pid gone) is broken by the next one.
/// Asterisk's own lock files are empty: those are only ever waited for.
package enum FolderLock {
    package static let lockName = ".lock"
    package static let defaultTimeout: TimeInterval = 5

    /// Another holder kept the lock longer than we wait.
    package struct Busy: Error, Equatable, CustomStringConvertible {
        package var folder: String
        package var seconds: Double

        package var description: String {
            let name = URL(fileURLWithPath: folder)
            return "the \(name.lastPathComponent) folder of mailbox \(name.deletingLastPathComponent().lastPathComponent) "
                + "is locked by another program (its .lock has been held for over \(Int(seconds)) s); try again"
        }
    }

    /// Runs `body` holding the folder's lock; `Busy` when another holder keeps it longer
    /// than `timeout`.
    package static func withLock<T>(
        _ folder: URL, timeout: TimeInterval = defaultTimeout, creation: FileCreation = .private, _ body: () throws -> T
    ) throws -> T {
        try acquire(folder, timeout: timeout, creation: creation)
        defer { release(folder) }
        return try body()
    }

    package static func acquire(_ folder: URL, timeout: TimeInterval = defaultTimeout, creation: FileCreation = .private) throws {
        try DurableFiles.makeDirectory(folder, creation: creation)
        let unique = folder.appendingPathComponent(".lock-" + MessageID.hex8(UInt32.random(in: 0...UInt32.max)) + ".\(getpid())")
        // Readable by all: the pid is no secret, and another user's vmtui must see who holds it.
        let fd = open(unique.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw DurableFiles.IOError("create lock", unique.path) }
        let owner = Array("\(getpid())\n".utf8)
        _ = owner.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(unique.path) }
        let target = folder.appendingPathComponent(lockName).path
        let deadline = Date().addingTimeInterval(timeout)
        while link(unique.path, target) != 0 {
            guard errno == EEXIST else { throw DurableFiles.IOError("lock", target) }
            if removeIfAbandoned(target) { continue }
            if Date() >= deadline { throw Busy(folder: folder.path, seconds: timeout) }
            usleep(2000)
        }
    }

    /// A lock whose holder's process is gone (killed while holding it) is removed. It is
    /// checked to be the same file before and after reading its owner, so a lock just taken
    /// by someone else is not removed instead.
    static func removeIfAbandoned(_ path: String) -> Bool {
        guard let before = DurableFiles.lstatus(path: path), let pid = owner(of: path), pid != getpid(),
            kill(pid, 0) != 0, errno == ESRCH,
            let after = DurableFiles.lstatus(path: path), after.st_ino == before.st_ino, after.st_dev == before.st_dev
        else { return false }
        return unlink(path) == 0
    }

    /// Whether a lock file exists and names a process that is gone.
    package static func isAbandoned(_ path: String) -> Bool {
        guard let pid = owner(of: path), pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// The process id a lock file names; nil for Asterisk's (empty) ones.
    static func owner(of path: String) -> pid_t? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count > 0, count < 32 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingBlanks.filter { $0 != "\n" }
        guard let pid = pid_t(text), pid > 0 else { return nil }
        return pid
    }

    /// The `.lock-<random>.<pid>` names a killed process left behind (never a live one's).
    static func removeAbandonedNames(in folder: URL) {
        for name in DirectoryNames(folder.path) where name.hasPrefix(".lock-") {
            let path = folder.appendingPathComponent(name).path
            let named = name.split(separator: ".").last.flatMap { pid_t($0) }
            if let pid = named ?? owner(of: path), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(path)
            }
        }
    }

    package static func release(_ folder: URL) {
        unlink(folder.appendingPathComponent(lockName).path)
    }

    /// Runs `body` holding the locks of several folders, taken in one order (no deadlock
    /// between two of our writers; Asterisk holds one lock at a time).
    package static func withLocks<T>(
        _ folders: [URL], timeout: TimeInterval = defaultTimeout, creation: FileCreation = .private, _ body: () throws -> T
    ) throws -> T {
        let ordered = Array(Set(folders.map(\.standardizedFileURL.path))).sorted().map { URL(fileURLWithPath: $0, isDirectory: true) }
        var held: [URL] = []
        defer { for folder in held.reversed() { release(folder) } }
        for folder in ordered {
            try acquire(folder, timeout: timeout, creation: creation)
            held.append(folder)
        }
        return try body()
    }
}
