import Hummingbird
import NIOCore

/// Per-request state the middleware hands to the route handlers: who is calling (set by
/// `AuthMiddleware`) and from where (the throttles count failures per address).
struct SimulatorContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The connection, so an answer that leaves a body unread can still end it cleanly.
    let channel: any Channel
    var viewer: SimulatorUser?
    /// The request body's single reader (see `BodyStream`).
    let body = BodyStreamSlot()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The peer's IP address without the port (failed attempts are counted per address).
    var remoteAddress: String {
        channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Routes behind `AuthMiddleware` always have a viewer; a missing one is a 401, never a crash.
    func requireViewer() throws -> SimulatorUser {
        guard let viewer else { throw APIError.unauthorized }
        return viewer
    }

    /// A path parameter, percent-decoded.
    func parameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let decoded = raw.removingPercentEncoding else {
            throw APIError.badRequest("Malformed path")
        }
        return decoded
    }
}
