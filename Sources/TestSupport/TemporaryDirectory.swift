import Foundation
import Synchronization

/// A fresh directory under the system temp dir, removed with everything in it when released
/// (or on `remove()`).
public final class TemporaryDirectory: Sendable {
    public let url: URL
    private let removed = Mutex(false)

    public init(prefix: String = "vmtui-test") throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        url = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func appending(_ component: String) -> URL { url.appendingPathComponent(component) }

    public func remove() {
        let first = removed.withLock { removed in
            defer { removed = true }
            return !removed
        }
        if first { try? FileManager.default.removeItem(at: url) }
    }

    deinit { remove() }
}
