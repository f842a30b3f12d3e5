import Foundation

/// Tokens the Wazo and Kazoo faces hand out: random, each for one user, valid until its
/// lifetime runs out or it is revoked. An expired token is refused exactly like an unknown
/// one (both vendors answer 401), so a client must be able to log in again mid-session.
actor FaceTokens {
    private struct Grant {
        var user: String
        var expires: ContinuousClock.Instant
        var lifetime: Int
    }

    private var grants: [String: Grant] = [:]

    /// A new token for `user`, valid `seconds`.
    func issue(for user: String, seconds: Int) -> String {
        let now = ContinuousClock.now
        grants = grants.filter { $0.value.expires > now }
        let token = (0..<4).map { _ in String(UInt64.random(in: 0...UInt64.max), radix: 16) }.joined(separator: "-")
        grants[token] = Grant(user: user, expires: now + .seconds(max(1, seconds)), lifetime: max(1, seconds))
        return token
    }

    /// The user a live token belongs to, and its lifetime; nil when unknown or expired.
    func user(of token: String) -> (user: String, lifetime: Int)? {
        guard let grant = grants[token], grant.expires > ContinuousClock.now else { return nil }
        return (grant.user, grant.lifetime)
    }

    func revoke(_ token: String) -> Bool { grants.removeValue(forKey: token) != nil }
}
