import Hummingbird

/// PIN guessing: while the caller (or its address) is locked after wrong PINs, any request
/// carrying a PIN is refused with 429; a wrong PIN a handler reports is counted and logged.
struct PINMiddleware: RouterMiddleware {
    typealias Context = SimulatorContext
    let guardian: LoginGuard

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let viewer = try context.requireViewer().extension
        let address = context.remoteAddress
        if request.headers[.voicemailPIN] != nil {
            try await guardian.checkPIN(viewer: viewer, address: address)
        }
        do {
            return try await next(request, context)
        } catch let error as APIError where error.code == APIError.pinWrong.code {
            await guardian.pinFailed(viewer: viewer, address: address, mailbox: request.uri.queryParameters["filter[mailbox]"].map(String.init))
            throw error
        }
    }
}
