/// A save or upload under way, for the progress bar in the status line.
public struct TransferInfo: Equatable, Sendable {
    /// "Saving Bob-Nguyen-2026-11-27-0815.wav", "Uploading the Busy greeting".
    public var label: String
    public var bytes: Int64
    public var total: Int64?

    public init(label: String, bytes: Int64 = 0, total: Int64? = nil) {
        self.label = label
        self.bytes = bytes
        self.total = total
    }
}

extension PendingOperation {
    /// The progress of a save or upload.
    var transfer: TransferInfo? {
        switch self {
        case .playback(.save(_, let transfer)), .greetings(.upload(_, let transfer)): transfer
        default: nil
        }
    }
}

extension App {
    /// Bytes moved so far by a save (Features/Playback) or an upload (Features/Greetings).
    static func transferProgressed(_ state: inout AppState, _ id: RequestID, bytes: Int64, total: Int64?) -> [Effect] {
        func progressed(_ transfer: TransferInfo) -> TransferInfo {
            var transfer = transfer
            transfer.bytes = bytes
            if let total, total > 0 { transfer.total = total }
            return transfer
        }
        switch state.pending[id] {
        case .playback(.save(let messageID, let transfer))?:
            state.pending[id] = .playback(.save(messageID: messageID, progressed(transfer)))
        case .greetings(.upload(let type, let transfer))?:
            state.pending[id] = .greetings(.upload(type, progressed(transfer)))
        default:
            break
        }
        return []
    }
}
