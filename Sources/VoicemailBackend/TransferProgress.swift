import FoundationEssentials

/// Bytes moved so far; `total` is nil while the size is unknown.
public struct TransferProgress: Sendable, Equatable {
    public var bytes: Int64
    public var total: Int64?

    public init(bytes: Int64, total: Int64?) {
        self.bytes = bytes
        self.total = total
    }
}

public typealias ProgressHandler = @Sendable (TransferProgress) -> Void
