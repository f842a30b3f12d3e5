import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// app_voicemail's folder lock: a file `.lock-<random>` is created in the folder and
/// `link()`ed to `<folder>/.lock`; whoever's link succeeds holds the lock, and removes `.lock`
/// when done. Asterisk retries for 5 s; so do we, then give up with one clear line.
public struct FolderLock: Sendable {
    public var timeout: Duration

    public init(timeout: Duration = .seconds(5)) {
        self.timeout = timeout
    }

    public struct Held: Error, Equatable {
        public var folder: String
        public var seconds: Double
    }

    /// Runs `body` holding the lock of `folder` (created first when missing, as Asterisk does).
    @discardableResult
    public func withLock<T>(_ folder: URL, _ body: () throws -> T) throws -> T {
        try SpoolFiles.makeDirectory(folder)
        try acquire(folder)
        defer { unlink(folder.appendingPathComponent(".lock").path) }
        return try body()
    }

    private func acquire(_ folder: URL) throws {
        let random = String(format: "%08x", UInt32.random(in: .min ... .max))
        let candidate = folder.appendingPathComponent(".lock-" + random).path
        let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw SpoolFiles.Failure("create lock file in", folder.path) }
        close(fd)
        defer { unlink(candidate) }
        let target = folder.appendingPathComponent(".lock").path
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if link(candidate, target) == 0 { return }
            guard errno == EEXIST else { throw SpoolFiles.Failure("lock", folder.path) }
            if clock.now >= deadline {
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                throw Held(folder: folder.path, seconds: seconds)
            }
            usleep(10_000)
        }
    }
}
