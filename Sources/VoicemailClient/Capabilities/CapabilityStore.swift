import FoundationEssentials
import VoicemailBackend

/// What the server was found to speak, learned once per session (concurrent callers share
/// one probe) and narrowed when a change proves the server cannot do what it seemed to.
actor CapabilityStore {
    private var learned: LearnedAPI?
    private var pending: Task<LearnedAPI, any Error>?

    func value(probe: @escaping @Sendable () async throws -> LearnedAPI) async throws -> LearnedAPI {
        if let learned { return learned }
        if let pending { return try await pending.value }
        let task = Task { try await probe() }
        pending = task
        defer { pending = nil }
        // A failed probe (network, credentials) is not cached: the next call tries again.
        let value = try await task.value
        learned = value
        return value
    }

    /// Drops capabilities the server has just shown it lacks.
    func withdraw(_ capabilities: Set<BackendCapability>) {
        guard var current = learned else { return }
        current.capabilities.supported.subtract(capabilities)
        learned = current
    }
}

/// The dialect in use and what it offers.
struct LearnedAPI: Sendable {
    /// `.wildix` or `.vmtui`, never `.auto`.
    var flavor: APIFlavor
    var capabilities: BackendCapabilities

    /// The vmtui contract's calls beyond the documented three (one message, its audio path).
    var hasExtensions: Bool { flavor == .vmtui }
}
