import Hummingbird
import NIOCore

/// The one reader of a request's body. Hummingbird lets a body be iterated once; keeping the
/// iterator here lets the error answer to an oversized upload read (and discard) what the
/// handler left unread, so a client still writing can finish and see the 413.
final class BodyStream: @unchecked Sendable {
    private var iterator: RequestBody.AsyncIterator?
    private let request: Request
    private(set) var finished = false
    /// The body could not be read (a malformed chunk, a connection that broke): nothing more
    /// can be read from this connection.
    private(set) var failed = false

    init(_ request: Request) {
        self.request = request
    }

    /// The next chunk, nil at the end. Only one task reads at a time (the handler, then the
    /// error answer after it), which is what makes the unchecked Sendable sound.
    func next() async throws -> ByteBuffer? {
        if iterator == nil { iterator = request.body.makeAsyncIterator() }
        let chunk: ByteBuffer?
        do {
            chunk = try await iterator?.next()
        } catch {
            failed = true
            throw UnreadableBody(underlying: error)
        }
        guard let chunk else {
            finished = true
            return nil
        }
        return chunk
    }
}

/// A body the HTTP parser rejected (or a connection lost half-way): the client's fault, so a
/// 400, never a 500.
struct UnreadableBody: Error {
    let underlying: any Error
}

/// Shared by every copy of one request's context (contexts are values; this is the one
/// reference they all hold).
final class BodyStreamSlot: @unchecked Sendable {
    private var stream: BodyStream?

    func stream(for request: Request) -> BodyStream {
        if let stream { return stream }
        let made = BodyStream(request)
        stream = made
        return made
    }

    var existing: BodyStream? { stream }
}
