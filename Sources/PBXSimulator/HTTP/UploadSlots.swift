import Foundation
import Synchronization

/// At most `limit` uploads are received at once: each holds a staged file and a share of the
/// disk bandwidth, and a flood of them must not starve the rest of the server.
final class UploadSlots: Sendable {
    private let limit: Int
    private let inUse = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` in a slot, or answers 503 with Retry-After when none is free.
    func withSlot<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let granted = inUse.withLock { inUse in
            guard inUse < limit else { return false }
            inUse += 1
            return true
        }
        guard granted else {
            throw APIError.busy("The server is receiving \(limit) uploads already; try again shortly", retryAfter: 2)
        }
        defer { inUse.withLock { $0 -= 1 } }
        return try await body()
    }
}
