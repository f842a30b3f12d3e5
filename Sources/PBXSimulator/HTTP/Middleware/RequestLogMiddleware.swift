import Hummingbird
import Logging

/// The outermost layer: one log line per answered request, and the observer tests use to
/// count requests and bytes.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SimulatorContext
    let logger: Logger
    let observer: (@Sendable (RequestRecord) -> Void)?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        logger.debug("\(context.remoteAddress) \(request.method) \(request.uri.path) \(response.status.code)")
        observer?(RequestRecord(
            method: request.method.rawValue, target: request.uri.description, status: response.status.code,
            bodyBytes: response.body.contentLength))
        return response
    }
}
