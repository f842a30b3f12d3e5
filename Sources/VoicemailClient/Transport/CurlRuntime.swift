import CCurl
import FoundationEssentials
import Synchronization
import SystemBasics

/// Process-wide libcurl state: loaded and `curl_global_init`ed exactly once, before any handle.
enum CurlRuntime {
    /// Nil once libcurl is ready; else why it is not, in one line.
    private static let problem: String? = ccurl_load().map { String(cString: $0) }

    /// Starts loading libcurl on a thread of its own, so a client made at start-up finds it
    /// ready by its first request while the rest of vmtui starts.
    static func prepare() { _ = loading }

    private static let loading: Void = { _ = DetachedThread.start(name: "vmtui-curl-load") { _ = problem } }()

    /// Waits for libcurl; nil when it is ready, else why it is not.
    static func waitUntilReady() -> String? { problem }
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

    /// A handle; call only once `CurlRuntime.waitUntilReady()` said libcurl is ready.
    func take() -> UnsafeMutableRawPointer? {
        let handle = idle.withLock { $0.handles.popLast() }
        return handle ?? ccurl_easy_init()
    }

    /// Returns a handle after use; `reset` clears options but keeps the connection cache.
    func give(_ handle: UnsafeMutableRawPointer, reusable: Bool) {
        guard reusable else {
            ccurl_easy_cleanup(handle)
            return
        }
        ccurl_easy_reset(handle)
        let kept = idle.withLock { idle in
            guard idle.handles.count < maxIdle else { return false }
            idle.handles.append(handle)
            return true
        }
        if !kept { ccurl_easy_cleanup(handle) }
    }
}
