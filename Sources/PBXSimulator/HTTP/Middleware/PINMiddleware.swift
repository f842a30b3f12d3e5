import Hummingbird
import VoicemailModel

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
            await guardian.pinFailed(viewer: viewer, address: address, mailbox: Self.loggableMailbox(request))
            throw error
        }
    }

    /// The mailbox the PIN was for, when the query names a valid one (nothing a client sent
    /// goes into the log unchecked).
    static func loggableMailbox(_ request: Request) -> String? {
        QueryString(request.uri.query)["filter[mailbox]"].flatMap { Extensions.isValid($0) ? $0 : nil }
    }
}
