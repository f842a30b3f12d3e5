import Foundation

/// What one client, or many, may cost the simulator. The defaults suit a PBX on a LAN; tests
/// shrink them to see the limits act within a second.
public struct ServerLimits: Sendable {
    /// A connection that sends nothing (no request, or a request stalled half-way) for this
    /// long is closed, so bare TCP connects cannot pin connections forever.
    public var idleTimeout: Duration = .seconds(30)
    /// Open connections at once. Well below the usual 1024 descriptors, so the server never
    /// runs out of them; when all are taken, the longest-idle one is closed to make room, so
    /// idle connects cannot lock out a client that has something to ask.
    public var maxConnections: Int = 512
    /// Uploads (deposits, greetings) being received at once; more are answered 503 with
    /// Retry-After. Each is streamed to a temporary file, so memory stays bounded.
    public var maxConcurrentUploads: Int = 16
    /// Failed logins or PINs tolerated per user (or per mailbox, for PINs) within `failureWindow`;
    /// then every attempt, right or wrong, is answered 429 until the window has passed.
    public var failuresPerUser: Int = 5
    /// The same per client address (higher: several users may share one address).
    public var failuresPerAddress: Int = 20
    public var failureWindow: Duration = .seconds(60)
    /// Lifetime of the Wazo and Kazoo faces' tokens (`--token-ttl`); nil: what the client asks
    /// (Wazo) or Kazoo's 3600 s.
    public var tokenTTL: Int?

    public init() {}
}
