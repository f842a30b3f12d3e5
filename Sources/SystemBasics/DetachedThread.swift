#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own for blocking work (a libcurl transfer, a child's pipe, a wait for a
/// child), never returning to anyone: what Foundation's `Thread` was used for, on pthreads.
public enum DetachedThread {
    /// Runs `body` on a new detached thread named `name` (at most 15 bytes are kept: the
    /// kernel's limit), with a stack of `stackSize` bytes when given (else the system's
    /// default). Returns false when the system refuses a thread.
    @discardableResult
    public static func start(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Work(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        let started = pthread_create(&thread, &attributes, { context in
            let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
            var name = Array(work.name.utf8.prefix(15))
            name.append(0)
            name.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = cSetThreadName(pthread_self(), $0.baseAddress!) }
            }
            work.body()
            return nil
        }, context)
        if started != 0 { Unmanaged<Work>.fromOpaque(context).release() }
        return started == 0
    }

    private final class Work: Sendable {
        let name: String
        let body: @Sendable () -> Void
        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }
    }
}

/// glibc's pthread_setname_np is hidden behind _GNU_SOURCE in the imported headers.
@_silgen_name("pthread_setname_np")
private func cSetThreadName(_ thread: pthread_t, _ name: UnsafePointer<CChar>) -> Int32
