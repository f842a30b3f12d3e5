import VoicemailModel

/// What `e` asks the runtime to do: write the messages' audio with index.csv and index.json
/// into `directory` (resuming an earlier export there). → `ExportEvent`.
public enum ExportEffect: Equatable, Sendable {
    case export(RequestID, messages: [VoicemailMessage], directory: String)

    public var requestID: RequestID {
        switch self {
        case .export(let id, _, _): id
        }
    }
}

/// The runtime's answers: progress while it runs, then how it ended.
public enum ExportEvent: Equatable, Sendable {
    case progress(RequestID, done: Int, total: Int)
    case finished(RequestID, Result<ExportOutcome, AppError>)
}

/// What an export did.
public struct ExportOutcome: Equatable, Sendable {
    public var written: Int
    public var skipped: Int
    public var directory: String

    public init(written: Int, skipped: Int, directory: String) {
        self.written = written
        self.skipped = skipped
        self.directory = directory
    }
}

/// The prompt asking where to export `ids`.
public struct ExportPrompt: Equatable, Sendable {
    public var ids: [String]
    public var editor: LineEditor
}
