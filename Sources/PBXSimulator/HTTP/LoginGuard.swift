import Logging

/// Every credential check (Basic, bearer, session cookie, session login, PIN) goes through
/// here: refused with 429 while its user or address is locked, and every failure is logged
/// and counted.
struct LoginGuard: Sendable {
    let throttle: FailureThrottle
    let limits: ServerLimits
    let logger: Logger

    /// `user` is the extension the credentials name, when they name one.
    func login<T: Sendable>(
        user: String?, address: String, how: String, _ check: () async throws -> T?
    ) async throws -> T {
        let keys = ThrottleKeys(user: user.map { ["login-user:\($0)"] } ?? [], address: "login-addr:\(address)")
        do {
            try await throttle.check(keys, limits: limits, what: "logins")
        } catch {
            logger.warning("refused \(how) login for \(user ?? "?") from \(address): locked after failures")
            throw error
        }
        if let value = try await check() { return value }
        await throttle.recordFailure(keys.all())
        logger.warning("failed \(how) login for \(user ?? "?") from \(address)")
        throw APIError.unauthorized
    }

    func pinKeys(viewer: String, address: String) -> ThrottleKeys {
        ThrottleKeys(user: ["pin-user:\(viewer)"], address: "pin-addr:\(address)")
    }

    func checkPIN(viewer: String, address: String) async throws {
        do {
            try await throttle.check(pinKeys(viewer: viewer, address: address), limits: limits, what: "PINs")
        } catch {
            logger.warning("refused PIN from \(viewer) at \(address): locked after failures")
            throw error
        }
    }

    func pinFailed(viewer: String, address: String, mailbox: String?) async {
        await throttle.recordFailure(pinKeys(viewer: viewer, address: address).all())
        logger.warning("wrong PIN for mailbox \(mailbox ?? "?") from \(viewer) at \(address)")
    }
}
