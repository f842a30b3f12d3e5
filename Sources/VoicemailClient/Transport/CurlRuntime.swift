import CCurl
import Foundation
import Synchronization

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
final class CurlHandlePool: Sendable {
    static let shared = CurlHandlePool(maxIdle: 4)

    /// An easy handle is used by one transfer at a time; only the pool's list is shared.
    private struct Idle: @unchecked Sendable {
        var handles: [UnsafeMutableRawPointer] = []
    }

    private let idle = Mutex(Idle())
    private let maxIdle: Int

    init(maxIdle: Int) { self.maxIdle = maxIdle }

    func take() -> UnsafeMutableRawPointer? {
        CurlRuntime.ensureInitialized()
        let handle = idle.withLock { $0.handles.popLast() }
        return handle ?? curl_easy_init()
    }

    /// Returns a handle after use; `reset` clears options but keeps the connection cache.
    func give(_ handle: UnsafeMutableRawPointer, reusable: Bool) {
        guard reusable else {
            curl_easy_cleanup(handle)
            return
        }
        curl_easy_reset(handle)
        let kept = idle.withLock { idle in
            guard idle.handles.count < maxIdle else { return false }
            idle.handles.append(handle)
            return true
        }
        if !kept { curl_easy_cleanup(handle) }
    }
}
