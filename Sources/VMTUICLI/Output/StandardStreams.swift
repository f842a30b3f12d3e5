#if canImport(Glibc)
    import Glibc
#endif

/// Writes to stdout and stderr with write(2): what FileHandle did, without Foundation.
enum StandardStreams {
    /// Writes all of `text` to stderr; a failure (a closed terminal) is ignored, as a
    /// message about failing to print a message has nowhere to go.
    static func error(_ text: String) {
        _ = try? write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes all of `text` to stdout, ignoring failures as `print` does.
    static func output(_ text: String) {
        _ = try? write(Array(text.utf8), to: STDOUT_FILENO)
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) throws(WriteFailure) {
        let buffer = Array(bytes)
        var offset = 0
        while offset < buffer.count {
            let count = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure(errno: errno)
            }
            offset += count
        }
    }

    struct WriteFailure: Error, CustomStringConvertible {
        var errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }
}
