import VoicemailModel

/// How full a mailbox is, as the header, `list`, `mailboxes` and the overview say it:
/// "37 of 100", a warning from 90 %, and plainly when callers are refused.
public struct CapacityGauge: Sendable, Equatable {
    public enum Level: Sendable, Equatable, Comparable {
        case fine, nearlyFull, full
    }

    /// The messages the limit counts (the mailbox, or INBOX where the limit is per folder).
    public var used: Int
    public var limit: Int

    /// The share at which a mailbox is nearly full.
    public static let warningShare = 0.9

    public init(used: Int, limit: Int) {
        self.used = max(0, used)
        self.limit = max(1, limit)
    }

    /// The summary's gauge; nil when the backend does not know the limit.
    public init?(_ summary: MailboxSummary) {
        self.init(summary, counts: summary.folders)
    }

    /// The gauge with counts kept in step since the summary arrived (the screen's).
    public init?(_ summary: MailboxSummary, counts: [FolderCount]) {
        guard let limit = summary.capacity, limit > 0 else { return nil }
        let used: Int
        if summary.capacityPerFolder {
            used = counts.first { $0.folder == .inbox }?.total ?? (counts.isEmpty ? summary.newCount : 0)
        } else {
            used = counts.isEmpty ? summary.total : counts.reduce(0) { $0 + $1.total }
        }
        self.init(used: used, limit: limit)
    }

    public var level: Level {
        if used >= limit { return .full }
        return Double(used) >= Double(limit) * Self.warningShare ? .nearlyFull : .fine
    }

    /// "37 of 100".
    public var text: String { "\(used) of \(limit)" }

    /// "37 of 100", then "full: callers cannot leave a message" when it is.
    public var sentence: String {
        level == .full ? "\(text), full: callers cannot leave a message" : text
    }
}
