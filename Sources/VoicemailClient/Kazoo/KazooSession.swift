import FoundationEssentials

/// Who the Kazoo session is: its token, the account it works in and the user it belongs to.
struct KazooIdentity: Sendable, Equatable {
    var token: String
    var accountID: String
    var ownerID: String?
}

/// The current Kazoo identity; logs in (once, shared by concurrent callers) when there is
/// none. Kazoo has no refresh: a refused token is dropped and the next call logs in again.
actor KazooSession {
    private var identity: KazooIdentity?
    private var pending: Task<KazooIdentity, any Error>?

    func current(login: @escaping @Sendable () async throws -> KazooIdentity) async throws -> KazooIdentity {
        if let identity { return identity }
        if let pending { return try await pending.value }
        let task = Task { try await login() }
        pending = task
        defer { pending = nil }
        let fresh = try await task.value
        identity = fresh
        return fresh
    }

    func refused(_ token: String) {
        if identity?.token == token { identity = nil }
    }
}
