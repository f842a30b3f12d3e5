import Foundation

/// Counts failed logins and PINs per key (a user at an address, an address, all addresses)
/// in a sliding window.
/// Once a key has `limit` failures in the window it is locked: every attempt on it is refused,
/// the right password included, until the oldest of those failures leaves the window. That
/// is what makes guessing slow; counting only wrong answers would not.
actor FailureThrottle {
    private let window: Duration
    private let clock = ContinuousClock()
    private var failures: [String: [ContinuousClock.Instant]] = [:]
    private var recordedSinceSweep = 0
    /// Addresses that presented valid credentials, and when they last did.
    private var vouched: [String: ContinuousClock.Instant] = [:]
    private let vouchLifetime: Duration

    init(window: Duration, vouchLifetime: Duration = .seconds(3600)) {
        self.window = window
        self.vouchLifetime = vouchLifetime
    }

    /// An address that signed in successfully is spared the overall limit for a while: a
    /// guesser cycling through addresses then locks out only addresses never seen to sign in.
    func vouch(for address: String) {
        let now = clock.now
        if vouched.count >= 4096 {
            vouched = vouched.filter { now - $0.value < vouchLifetime }
        }
        vouched[address] = now
    }

    func isVouched(_ address: String) -> Bool {
        guard let last = vouched[address] else { return false }
        return clock.now - last < vouchLifetime
    }

    /// How long the key stays locked, or nil when attempts are allowed.
    func lockedFor(_ key: String, limit: Int) -> Duration? {
        let recent = prune(key)
        guard recent.count >= limit, let oldest = recent.first else { return nil }
        return max(.zero, oldest.advanced(by: window) - clock.now)
    }

    func recordFailure(_ keys: [String]) {
        let now = clock.now
        for key in keys {
            _ = prune(key)
            failures[key, default: []].append(now)
        }
        // Forgotten keys must not pile up (an attacker can invent addresses and user names).
        recordedSinceSweep += 1
        if recordedSinceSweep >= 1024 {
            recordedSinceSweep = 0
            for key in Array(failures.keys) { _ = prune(key) }
        }
    }

    private func prune(_ key: String) -> [ContinuousClock.Instant] {
        guard var list = failures[key] else { return [] }
        let horizon = clock.now.advanced(by: .zero - window)
        list.removeAll { $0 <= horizon }
        failures[key] = list.isEmpty ? nil : list
        return list
    }
}

/// The keys a failed attempt is counted under, and the limits that apply to each.
struct ThrottleKeys {
    /// For logins the user at the address (so failures from one source never lock the
    /// account out at another); for PINs the signed-in viewer.
    var user: [String]
    var address: String
    /// Counted for every failure; checked only for addresses not vouched for.
    var overall: String?
    var overallChecked = true

    func all() -> [String] { user + [address] + (overall.map { [$0] } ?? []) }
}

extension FailureThrottle {
    /// Throws 429 with Retry-After when any of the keys is locked.
    func check(_ keys: ThrottleKeys, limits: ServerLimits, what: String) throws {
        var longest: Duration?
        for key in keys.user {
            if let wait = lockedFor(key, limit: limits.failuresPerUser) { longest = max(longest ?? .zero, wait) }
        }
        if let wait = lockedFor(keys.address, limit: limits.failuresPerAddress) { longest = max(longest ?? .zero, wait) }
        if let overall = keys.overall, keys.overallChecked, let wait = lockedFor(overall, limit: limits.failuresOverall) {
            longest = max(longest ?? .zero, wait)
        }
        guard let longest else { return }
        throw APIError.tooManyAttempts(what, retryAfter: Self.wholeSeconds(longest))
    }

    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }
}
