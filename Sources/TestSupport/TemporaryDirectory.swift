import Foundation

/// A fresh directory under the system temp dir, removed with everything in it when released
/// (or on `remove()`).
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    private let lock = NSLock()
    private var removed = false

    public init(prefix: String = "vmtui-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func appending(_ component: String) -> URL { url.appendingPathComponent(component) }

    public func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard !removed else { return }
        removed = true
        try? FileManager.default.removeItem(at: url)
    }

    deinit { remove() }
}
