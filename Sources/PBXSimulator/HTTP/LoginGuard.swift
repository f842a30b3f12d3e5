import Logging

/// Every credential check (Basic, bearer, session cookie, session login, PIN) goes through
/// here: refused with 429 while its user at that address, the address, or (for addresses never
/// seen to sign in) the whole server is locked; every failure is counted and logged, repeats
/// summarised.
struct LoginGuard: Sendable {
    let throttle: FailureThrottle
    let limits: ServerLimits
    let warnings: RepeatedWarnings

    init(limits: ServerLimits, logger: Logger) {
        throttle = FailureThrottle(window: limits.failureWindow)
        self.limits = limits
        warnings = RepeatedWarnings(interval: limits.logSummaryInterval, logger: logger)
    }

    /// `user` is the extension the credentials name, when they name one.
    func login<T: Sendable>(
        user: String?, address: String, how: String, _ check: () async throws -> T?
    ) async throws -> T {
        let who = user ?? "?"
        var keys = ThrottleKeys(
            user: user.map { ["login-user:\($0)@\(address)"] } ?? [], address: "login-addr:\(address)", overall: "login-all")
        keys.overallChecked = !(await throttle.isVouched(address))
        do {
            try await throttle.check(keys, limits: limits, what: "logins")
        } catch {
            warnings.warn(key: "refused \(how) \(who) \(address)", "refused \(how) login for \(who) from \(address): locked after failures")
            throw error
        }
        if let value = try await check() {
            await throttle.vouch(for: address)
            return value
        }
        await throttle.recordFailure(keys.all())
        warnings.warn(key: "failed \(how) \(who) \(address)", "failed \(how) login for \(who) from \(address)")
        throw APIError.unauthorized
    }

    func pinKeys(viewer: String, address: String) -> ThrottleKeys {
        ThrottleKeys(user: ["pin-user:\(viewer)"], address: "pin-addr:\(address)")
    }

    func checkPIN(viewer: String, address: String) async throws {
        do {
            try await throttle.check(pinKeys(viewer: viewer, address: address), limits: limits, what: "PINs")
        } catch {
            warnings.warn(key: "refused PIN \(viewer) \(address)", "refused PIN from \(viewer) at \(address): locked after failures")
            throw error
        }
    }

    func pinFailed(viewer: String, address: String, mailbox: String?) async {
        await throttle.recordFailure(pinKeys(viewer: viewer, address: address).all())
        warnings.warn(
            key: "wrong PIN \(viewer) \(address)",
            "wrong PIN for mailbox \(mailbox ?? "?") from \(viewer) at \(address)")
    }
}
