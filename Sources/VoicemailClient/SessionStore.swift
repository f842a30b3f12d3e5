import FoundationEssentials

/// The PHPSESSID of a session login, shared by concurrent requests: one login at a time,
/// and a cookie rejected with 401 is replaced once, not by every request that saw it.
actor SessionStore {
    private var cookie: String?
    private var pendingLogin: Task<String, any Error>?

    /// The current cookie, logging in first when there is none.
    func cookie(login: @escaping @Sendable () async throws -> String) async throws -> String {
        if let cookie { return cookie }
        if let pendingLogin { return try await pendingLogin.value }
        let task = Task { try await login() }
        pendingLogin = task
        defer { pendingLogin = nil }
        let value = try await task.value
        cookie = value
        return value
    }

    /// Drops the cookie if it is still the one the server refused.
    func invalidate(_ rejected: String) {
        if cookie == rejected { cookie = nil }
    }

    func store(_ value: String) { cookie = value }
}
