/// A value learned from the server once per session; concurrent first callers (New reads
/// INBOX and Urgent side by side) share one request. A failure is not kept.
actor LearnedOnce<Value: Sendable> {
    private var value: Value?
    private var pending: Task<Value, any Error>?

    func get(_ learn: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let value { return value }
        if let pending { return try await pending.value }
        let task = Task { try await learn() }
        pending = task
        defer { pending = nil }
        let learned = try await task.value
        value = learned
        return learned
    }

    /// Replaces what is known (a fuller answer arrived by another call).
    func set(_ newValue: Value) { value = newValue }
}
