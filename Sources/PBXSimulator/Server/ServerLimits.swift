import Foundation

/// What one client, or many, may cost the simulator. The defaults suit a PBX on a LAN; tests
/// shrink them to see the limits act within a second.
public struct ServerLimits: Sendable {
    /// A connection that sends nothing (no request, or a request stalled half-way) for this
    /// long is closed, so bare TCP connects cannot pin connections forever.
    public var idleTimeout: Duration = .seconds(30)
    /// A request must arrive whole (its body's last byte) within this long of its head, however
    /// steadily its bytes trickle in; then the connection is closed. Headers that trickle
    /// produce nothing until complete, so the idle timeout bounds them.
    public var requestTimeout: Duration = .seconds(60)
    /// Open connections at once. Well below the usual 1024 descriptors, so the server never
    /// runs out of them; when all are taken, the connection that has waited longest on its
    /// client (idle, or still sending its request) is closed to make room, so neither idle
    /// connects nor slow requests can lock out a client that has something to ask (see
    /// `ConnectionEvictor`).
    public var maxConnections: Int = 512
    /// Open connections from one address; beyond it, that address's own longest-waiting
    /// connection is closed, so one source cannot take every slot.
    public var maxConnectionsPerAddress: Int = 64
    /// Uploads (deposits, greetings) being received at once; more are answered 503 with
    /// Retry-After. Each is streamed to a temporary file, so memory stays bounded.
    public var maxConcurrentUploads: Int = 16
    /// Failed logins tolerated per user from one address (or wrong PINs per viewer) within
    /// `failureWindow`; then every attempt, right or wrong, is answered 429 until the window
    /// has passed. Logins count per user and address together: failures from one address
    /// never lock the user out at another.
    public var failuresPerUser: Int = 5
    /// Failed logins, tokens and cookies per client address (higher: several users may share
    /// one address).
    public var failuresPerAddress: Int = 20
    /// Failed logins, tokens and cookies from all addresses together; beyond it, addresses
    /// that have not signed in successfully within the last hour are answered 429 until the
    /// window has passed (a guesser rotating through addresses cannot go on, known clients can).
    public var failuresOverall: Int = 200
    public var failureWindow: Duration = .seconds(60)
    /// Repeated failures are logged once per source and account in this interval, then as a count.
    public var logSummaryInterval: Duration = .seconds(60)
    /// Lifetime of the Wazo and Kazoo faces' tokens (`--token-ttl`); nil: what the client asks
    /// (Wazo) or Kazoo's 3600 s.
    public var tokenTTL: Int?

    public init() {}
}
