#if canImport(Glibc)
    import Glibc
#endif

/// A thread of its own for work that blocks (poll on the terminal, a read of stdin), kept off
/// Swift's cooperative pool: what Foundation's `Thread` gave, on pthreads.
public enum DetachedThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new detached thread named `name` (the kernel keeps 15 bytes of it).
    /// `stackSize` in bytes, else the system's default. Returns false when no thread could be made.
    @discardableResult
    public static func start(name: String, stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            let body = Unmanaged<Body>.fromOpaque(context!).takeRetainedValue()
            body.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        _ = cSetThreadName(thread, String(name.utf8.prefix(15))!)
        return true
    }
}

/// glibc's pthread_setname_np is hidden behind _GNU_SOURCE in the imported headers.
@_silgen_name("pthread_setname_np")
private func cSetThreadName(_ thread: pthread_t, _ name: UnsafePointer<CChar>) -> Int32
