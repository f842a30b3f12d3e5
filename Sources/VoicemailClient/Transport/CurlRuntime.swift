import CCurl
import Foundation

/// Process-wide libcurl state: `curl_global_init` must run exactly once, before any handle.
enum CurlRuntime {
    private static let initialized: Bool = {
        // CURL_GLOBAL_ALL: SSL and (on Windows) Winsock.
        curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32)) == CURLE_OK
    }()

    static func ensureInitialized() { _ = initialized }
}

/// Keeps a few idle easy handles so consecutive requests reuse their connections
/// (an idle live-refresh then costs one small request on an open socket).
final class CurlHandlePool: @unchecked Sendable {
    static let shared = CurlHandlePool(maxIdle: 4)

    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer] = []
    private let maxIdle: Int

    init(maxIdle: Int) { self.maxIdle = maxIdle }

    func take() -> UnsafeMutableRawPointer? {
        CurlRuntime.ensureInitialized()
        lock.lock()
        let handle = idle.popLast()
        lock.unlock()
        return handle ?? curl_easy_init()
    }

    /// Returns a handle after use; `reset` clears options but keeps the connection cache.
    func give(_ handle: UnsafeMutableRawPointer, reusable: Bool) {
        guard reusable else {
            curl_easy_cleanup(handle)
            return
        }
        curl_easy_reset(handle)
        lock.lock()
        if idle.count < maxIdle {
            idle.append(handle)
            lock.unlock()
        } else {
            lock.unlock()
            curl_easy_cleanup(handle)
        }
    }
}
