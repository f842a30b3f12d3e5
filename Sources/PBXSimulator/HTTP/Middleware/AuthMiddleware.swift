import Hummingbird

/// Every route behind it needs credentials; it puts the caller in the context.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = SimulatorContext
    let authenticator: Authenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.viewer = try await authenticator.authenticate(request, address: context.remoteAddress)
        return try await next(request, context)
    }
}
