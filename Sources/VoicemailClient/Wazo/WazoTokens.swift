import FoundationEssentials

/// The Wazo token in use: obtained from wazo-auth with the user's password (renewed before it
/// expires, or after a 401), or handed over ready in VMTUI_TOKEN (used as is, never revoked).
actor WazoTokens {
    private var token: String?
    private var renewAt: ContinuousClock.Instant?
    private var pending: Task<(token: String, seconds: Int), any Error>?
    /// Tokens this session created: revoked when vmtui exits.
    private var created: [String] = []

    init(ready: String?) { token = ready }

    /// The token to send; logs in (once, shared by concurrent callers) when there is none or
    /// it is about to expire.
    func current(login: @escaping @Sendable () async throws -> (token: String, seconds: Int)) async throws -> String {
        if let token, renewAt.map({ ContinuousClock.now < $0 }) ?? true { return token }
        if let pending { return try await pending.value.token }
        let task = Task { try await login() }
        pending = task
        defer { pending = nil }
        let fresh = try await task.value
        token = fresh.token
        created.append(fresh.token)
        // Renewed a little before wazo-auth would refuse it.
        let margin = min(30, max(1, fresh.seconds / 4))
        renewAt = ContinuousClock.now + .seconds(max(1, fresh.seconds - margin))
        return fresh.token
    }

    /// A token the server refused is dropped, so the next call logs in again.
    func refused(_ refusedToken: String) {
        if token == refusedToken { token = nil }
    }

    /// The tokens to revoke at exit (each once).
    func takeCreated() -> [String] {
        defer { created = [] }
        return created
    }
}
