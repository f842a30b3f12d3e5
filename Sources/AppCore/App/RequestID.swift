/// Tags an effect so its result event can be matched to it (and ignored when stale).
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public var description: String { "#\(value)" }
}
