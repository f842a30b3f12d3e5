import DisplayText
import FoundationEssentials
import VoicemailModel

/// One mailbox as the support desk's overview shows it.
public struct MailboxOverviewRow: Codable, Sendable, Equatable, Identifiable {
    public var mailbox: String
    public var name: String
    public var own: Bool
    public var unread: Int
    public var total: Int
    /// The limit and what it counts, where the backend knows it.
    public var capacity: Int?
    public var capacityUsed: Int?
    /// "fine", "nearly full" or "full"; nil without a limit.
    public var capacityState: String?
    /// The oldest message in New (INBOX and Urgent): how long a caller has waited.
    public var oldestUnread: Date?
    public var newest: Date?
    public var newestCaller: String?
    public var pinRequired: Bool
    /// Why the per-mailbox details are missing (a PIN, a refusal), when they are.
    public var detailsMissing: String?

    public var id: String { mailbox }

    public init(_ summary: MailboxSummary) {
        mailbox = summary.mailbox
        name = summary.name
        own = summary.own
        unread = summary.unread
        total = summary.total
        pinRequired = summary.pinRequired
        if let gauge = CapacityGauge(summary) {
            capacity = gauge.limit
            capacityUsed = gauge.used
            capacityState = switch gauge.level {
            case .fine: "fine"
            case .nearlyFull: "nearly full"
            case .full: "full"
            }
        }
    }

    public var gauge: CapacityGauge? {
        guard let capacity, let capacityUsed else { return nil }
        return CapacityGauge(used: capacityUsed, limit: capacity)
    }
}

/// Every mailbox the user may open, with what a support engineer looks at first: how full,
/// how long the oldest new message has waited, the newest. Counts come from the one Mailboxes
/// call; per mailbox that holds messages, two requests of one message each (the newest in any
/// folder, sorted descending; the oldest in New, sorted ascending, plus Urgent's only when the
/// summary does not say Urgent is empty), `parallel` at a time.
public enum MailboxOverview {
    public static let defaultParallel = 8

    /// `progress(done, of)` is called as each mailbox's details arrive.
    public static func load(
        _ backend: any VoicemailBackend, parallel: Int = defaultParallel,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> [MailboxOverviewRow] {
        let summaries = try await backend.mailboxes(ifNoneMatch: nil).value ?? []
        var rows = summaries.map(MailboxOverviewRow.init)
        let wanted = rows.indices.filter { rows[$0].total > 0 && !rows[$0].pinRequired }
        for index in rows.indices where rows[index].pinRequired { rows[index].detailsMissing = "PIN required" }
        progress(0, wanted.count)
        var done = 0
        try await withThrowingTaskGroup(of: (Int, Details).self) { group in
            var next = wanted.makeIterator()
            func startNext() {
                guard let index = next.next() else { return }
                let summary = summaries[index]
                group.addTask { (index, await details(backend, summary)) }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            while let (index, found) = try await group.next() {
                rows[index].oldestUnread = found.oldestUnread
                rows[index].newest = found.newest
                rows[index].newestCaller = found.newestCaller
                rows[index].detailsMissing = found.missing
                done += 1
                progress(done, wanted.count)
                startNext()
            }
        }
        return ordered(rows)
    }

    struct Details: Sendable {
        var oldestUnread: Date?
        var newest: Date?
        var newestCaller: String?
        var missing: String?
    }

    static func details(_ backend: any VoicemailBackend, _ summary: MailboxSummary) async -> Details {
        var found = Details()
        do {
            let newest = try await backend.listMessages(
                MessageQuery(mailbox: summary.mailbox, folder: nil, start: 0, count: 1, sort: .date, direction: .descending),
                ifNoneMatch: nil
            ).value?.records.first
            found.newest = newest?.date
            found.newestCaller = newest.map { CallerText($0, nameLimit: 40, numberLimit: 30).full }
            guard summary.newCount > 0 else { return found }
            let oldest = MessageQuery(
                mailbox: summary.mailbox, folder: .inbox, start: 0, count: 1, sort: .date, direction: .ascending)
            // New is INBOX and Urgent; a summary that counts Urgent empty spares its request.
            if !summary.folders.isEmpty, summary.count(of: .urgent).total == 0 {
                found.oldestUnread = try await backend.listMessages(oldest, ifNoneMatch: nil).value?.records.first?.date
            } else {
                found.oldestUnread = try await FolderListing(backend).messages(oldest, limit: 1).records.first?.date
            }
        } catch {
            found.missing = (error as? VoicemailError)?.message ?? String(describing: error)
        }
        return found
    }

    /// Full first, then nearly full, then whoever has waited longest, then by extension.
    public static func ordered(_ rows: [MailboxOverviewRow]) -> [MailboxOverviewRow] {
        func urgency(_ row: MailboxOverviewRow) -> Int {
            switch row.gauge?.level {
            case .full: 0
            case .nearlyFull: 1
            default: 2
            }
        }
        return rows.sorted { a, b in
            if urgency(a) != urgency(b) { return urgency(a) < urgency(b) }
            switch (a.oldestUnread, b.oldestUnread) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            return (Int(a.mailbox) ?? Int.max, a.mailbox) < (Int(b.mailbox) ?? Int.max, b.mailbox)
        }
    }
}
