import FoundationEssentials
import Glibc
import Synchronization
import SystemBasics

/// The process's private folder for audio: `vmtui-<pid>-XXXXXX` under $XDG_RUNTIME_DIR (or
/// $TMPDIR, or /tmp), mode 0700, files 0600. Voicemail is personal data: nothing else on the
/// machine may read it, and nothing of it may outlive vmtui.
public final class PrivateTempStore: Sendable {
    /// The one store of this process, so signal paths can find and remove it.
    public static let shared = PrivateTempStore()

    private struct Place {
        var directory: URL?
        /// Numbers the files so names never collide.
        var counter = 0
        /// vmtui is leaving: the folder is not made again.
        var closed = false
        /// The folder deleted at exit, deleted again by a later `closeForExit`.
        var deletedAtExit: URL?
    }

    private let place = Mutex(Place())
    private let environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// The folder, created on first use.
    public func folder() throws -> URL {
        let created: URL = try place.withLock { place in
            guard !place.closed else { throw AudioError.tempFiles("vmtui is exiting") }
            if let directory = place.directory, FileManager.default.fileExists(atPath: directory.path) { return directory }
            let created = try Self.makeDirectory(in: baseDirectory())
            place.directory = created
            return created
        }
        if self === Self.shared { Self.registerExitCleanup }
        return created
    }

    /// A new, empty file (mode 0600) in the folder; `name` is a hint kept for readability.
    public func makeFile(named name: String) throws -> URL {
        let folder = try folder()
        let unique = nextNumber()
        let safe = name.unicodeScalars.filter {
            PlainText.isAlphanumeric($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
        let url = folder.appendingPathComponent("\(unique)-\(String(String.UnicodeScalarView(safe)).prefix(40))")
        let fd = open(url.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw AudioError.tempFiles("Cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        return url
    }

    /// A path in the folder for something another program creates (a socket, a recording).
    public func reservePath(named name: String) throws -> URL {
        let folder = try folder()
        let unique = nextNumber()
        return folder.appendingPathComponent("\(unique)-\(name)")
    }

    private func nextNumber() -> Int {
        place.withLock { place in
            place.counter += 1
            return place.counter
        }
    }

    /// Removes one file if it is inside the folder (never anything else).
    public func remove(_ url: URL) {
        guard let directory = place.withLock({ $0.directory }),
            url.deletingLastPathComponent().standardizedFileURL.path == directory.standardizedFileURL.path
        else { return }
        unlink(url.path)
    }

    /// Deletes the folder and everything in it; called at exit and from signal paths.
    public func removeAll() {
        let removed: URL? = place.withLock { place in
            defer { place.directory = nil }
            return place.directory
        }
        guard let removed else { return }
        try? FileManager.default.removeItem(at: removed)
    }

    /// Deletes the folder for good: exit paths. Entries that appear while it goes (a download
    /// still writing) are deleted too, so the folder never stays behind half-empty.
    public func closeForExit() {
        let directory: URL? = place.withLock { place in
            place.closed = true
            place.deletedAtExit = place.directory ?? place.deletedAtExit
            place.directory = nil
            return place.deletedAtExit
        }
        guard let directory else { return }
        for _ in 0..<5 {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                unlink(directory.appendingPathComponent(name).path)
            }
            if rmdir(directory.path) == 0 || errno == ENOENT { return }
        }
    }

    /// The folder's path when it exists (tests look at it).
    public var currentFolder: URL? { place.withLock { $0.directory } }

    /// Removes the shared folder on a normal exit too (signal paths call `AudioCleanup.run`).
    private static let registerExitCleanup: Void = {
        atexit { AudioCleanup.run() }
    }()

    private func baseDirectory() -> String {
        for key in ["XDG_RUNTIME_DIR", "TMPDIR"] {
            if let value = environment[key], !value.isEmpty, Self.isWritableDirectory(value) {
                return value
            }
        }
        return "/tmp"
    }

    private static func isWritableDirectory(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory && access(path, W_OK | X_OK) == 0
    }

    private static func makeDirectory(in base: String) throws -> URL {
        var template = Array("\(base)/vmtui-\(getpid())-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw AudioError.tempFiles(
                "Cannot create a private folder in \(base): \(String(cString: strerror(errno)))")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkdtemp already gives 0700; set it explicitly in case of an unusual umask.
        chmod(path, 0o700)
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
