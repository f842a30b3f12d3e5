/// One request the simulator answered, for tests and benchmarks that measure what a client
/// costs the PBX (for instance: an idle vmtui sends only conditional requests answered 304).
public struct RequestRecord: Sendable, Equatable {
    public var method: String
    /// Path and query, as sent.
    public var target: String
    public var status: Int
    /// Bytes of the answer's body (nil when streamed without a known length).
    public var bodyBytes: Int?

    public init(method: String, target: String, status: Int, bodyBytes: Int?) {
        self.method = method
        self.target = target
        self.status = status
        self.bodyBytes = bodyBytes
    }
}
