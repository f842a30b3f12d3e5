import Foundation
import Synchronization
import Hummingbird
import Logging
import NIOCore

/// Turns every failure into the error envelope with its status; nothing a client sends can
/// crash the server or make it answer with a server path.
struct ErrorMappingMiddleware: RouterMiddleware {
    typealias Context = SimulatorContext
    let flavor: SimulatorFlavor
    let logger: Logger
    /// Never named in an answer, whatever a lower layer put in a reason.
    let dataDirectory: String

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let error: APIError
        do {
            return try await next(request, context)
        } catch let failure as APIError {
            error = failure
        } catch let failure as StoreError {
            if case .io(let why) = failure { logger.error("\(request.method) \(request.uri.path): storage: \(why)") }
            error = APIError(failure)
        } catch let failure as HTTPError where failure.status == .notFound {
            error = .noEndpoint
        } catch let failure as UnreadableBody {
            logger.debug("\(request.method) \(request.uri.path): unreadable body: \(failure.underlying)")
            error = .badRequest("Malformed request body")
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return Responses.error(
                .serverError("Internal error; the server log has the details"), withCode: flavor == .full)
        }
        var shown = error
        if !dataDirectory.isEmpty { shown.reason = error.reason.replacingOccurrences(of: dataDirectory, with: "<data>") }
        var response = Responses.error(shown, withCode: flavor == .full)
        if context.body.existing?.failed == true {
            // Where the parser lost its place nothing more can be read: answer, then close.
            response = Self.closingAfter(response, channel: context.channel)
        } else if Self.hasBody(request), context.body.existing?.finished != true {
            response = UnreadBodyDrain.answer(response, request: request, context: context)
        }
        return response
    }

    static func closingAfter(_ response: Response, channel: any Channel) -> Response {
        var response = response
        response.headers[.connection] = "close"
        let original = response.body
        response.body = ResponseBody(contentLength: original.contentLength) { writer in
            try await original.write(writer)
            channel.close(promise: nil)
        }
        return response
    }

    /// Whether the request announced a body (that an early answer may leave unread).
    static func hasBody(_ request: Request) -> Bool {
        if request.headers[.transferEncoding] != nil { return true }
        return request.headers[.contentLength].flatMap(Int.init).map { $0 > 0 } ?? false
    }
}

/// An error answer sent while the client may still be sending a body nobody will read (a 413,
/// a refused upload, a failed login on a deposit): the client
/// cannot see it while blocked writing into a full window, and a plain close would reset the
/// connection and destroy the answer. So after the answer the rest is read and discarded
/// (a bounded amount, for a bounded time), then the connection closes if the client asked for
/// that or stopped sending half-way.
enum UnreadBodyDrain {
    static let maxBytes = 64 * 1024 * 1024
    static let quietPeriod: Duration = .seconds(1)

    static func answer(_ response: Response, request: Request, context: SimulatorContext) -> Response {
        let stream = context.body.stream(for: request)
        let channel = context.channel
        let closeRequested = request.headers[.connection]?.lowercased().contains("close") == true
        var response = response
        if closeRequested { response.headers[.connection] = "close" }
        let original = response.body
        response.body = ResponseBody(contentLength: original.contentLength) { writer in
            try await original.write(writer)
            let complete = await drain(stream, channel: channel)
            if closeRequested || !complete {
                channel.close(promise: nil)
            }
        }
        return response
    }

    /// Reads until the body ends (true), or until the client goes quiet or sends too much
    /// (false; then the connection is closed under the read, which ends it).
    private static func drain(_ stream: BodyStream, channel: any Channel) async -> Bool {
        let progress = DrainProgress()
        let watchdog = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                if progress.isStalled(after: quietPeriod) || progress.bytes > maxBytes {
                    channel.close(promise: nil)
                    return
                }
            }
        }
        defer { watchdog.cancel() }
        do {
            while let chunk = try await stream.next() {
                progress.read(chunk.readableBytes)
                if progress.bytes > maxBytes { return false }
            }
            return true
        } catch {
            return false
        }
    }
}

private final class DrainProgress: Sendable {
    private let progress = Mutex((lastRead: ContinuousClock.now, total: 0))

    func read(_ count: Int) {
        progress.withLock {
            $0.total += count
            $0.lastRead = .now
        }
    }

    var bytes: Int { progress.withLock { $0.total } }

    func isStalled(after period: Duration) -> Bool {
        progress.withLock { ContinuousClock.now - $0.lastRead > period }
    }
}
