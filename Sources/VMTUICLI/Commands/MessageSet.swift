import SystemBasics
import ArgumentParser
import AppCore
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization
import VMTUIRuntime
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// A set of messages named by what they have in common instead of by id: a folder's every
/// message, a caller's, those since a date or older than an age.
struct SetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder the set is taken from: new, old, work, family, friends, 0–4, or all (default new).", valueName: "FOLDER"))
    var folder: FolderChoice?

    @Flag(name: .customLong("all"), help: "Every message of the folder (with the other options: every one that matches).")
    var every = false

    @Option(help: ArgumentHelp("Only messages whose caller name or number contains TEXT (any case).", valueName: "TEXT"))
    var from: String?

    @Option(help: ArgumentHelp("Only messages left on or after DATE (2026-11-30, or ISO 8601 with a time).", valueName: "DATE"))
    var since: String?

    @Option(name: .customLong("older-than"), help: ArgumentHelp("Only messages older than DURATION (12h, 30d, 2w).", valueName: "DURATION"))
    var olderThan: String?

    @Flag(name: .customLong("dry-run"), help: "List the messages the command would change and change nothing.")
    var dryRun = false

    /// Whether any option names a set (a folder alone does not: it only says where).
    var namesASet: Bool { every || from != nil || since != nil || olderThan != nil }

    func check(ids: [String]) throws {
        if !ids.isEmpty, namesASet || folder != nil {
            throw ValidationError("give message ids or a set (--all, --from, --since, --older-than), not both")
        }
        if ids.isEmpty, !namesASet {
            throw ValidationError("give message ids, or a set: --all, --from TEXT, --since DATE or --older-than DURATION")
        }
        if dryRun, !ids.isEmpty { throw ValidationError("--dry-run lists a set; give --all, --from, --since or --older-than") }
        if let since, DateInput.date(since) == nil {
            throw ValidationError("--since must be a date like 2026-11-30 or 2026-11-30T08:00:00+01:00, not \(since)")
        }
        if let olderThan, DateInput.age(olderThan) == nil {
            throw ValidationError("--older-than must be a number and h, d or w (12h, 30d, 2w), not \(olderThan)")
        }
    }

    /// The selection as a predicate on a message; `now` anchors --older-than.
    func matcher(now: Date = Date()) -> MessageMatcher {
        MessageMatcher(
            from: from, since: since.flatMap { DateInput.date($0) },
            before: olderThan.flatMap(DateInput.age).map { now.addingTimeInterval(-$0) })
    }

    /// Every message of the folder that the options select, newest first.
    func messages(in backend: any VoicemailBackend) async throws -> [VoicemailMessage] {
        let folder = self.folder ?? .one(.inbox)
        let page = try await FolderListing(backend).messages(MessageQuery(folder: folder.folder, count: 1000), limit: nil)
        let matcher = self.matcher()
        return page.records.filter(matcher.matches)
    }
}

/// What `--from`, `--since` and `--older-than` keep.
struct MessageMatcher: Sendable {
    var from: String?
    var since: Date?
    var before: Date?

    func matches(_ message: VoicemailMessage) -> Bool {
        if let from {
            let needle = from.lowercased()
            let haystacks = [message.callerName ?? "", message.callerNumber].map { $0.lowercased() }
            guard haystacks.contains(where: { $0.contains(needle) }) else { return false }
        }
        if let since, message.date < since { return false }
        if let before, message.date >= before { return false }
        return true
    }
}

/// Dates and ages as people type them.
enum DateInput {
    /// "2026-11-30" (local midnight), or ISO 8601 with a time and an offset.
    static func date(_ text: String, zone: any ZoneRules = SystemZone()) -> Date? {
        let trimmed = text.trimmingSpaces()
        if let stamp = try? Date(trimmed, strategy: .iso8601) { return stamp }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts[0].count == 4, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return LocalMidnight.instant(year: year, month: month, day: day, in: zone)
    }

    /// "12h", "30d", "2w" in seconds.
    static func age(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingSpaces().lowercased()
        guard let unit = trimmed.last, let count = Int(trimmed.dropLast()), count >= 0 else { return nil }
        switch unit {
        case "h": return TimeInterval(count) * 3600
        case "d": return TimeInterval(count) * 86400
        case "w": return TimeInterval(count) * 7 * 86400
        default: return nil
        }
    }
}

/// Runs one change on a set: says how many first, shows a counter on a terminal, says how
/// many changed last. `--dry-run` lists the set and stops.
enum SetChange {
    /// Those of `messages` the change would alter (already read ones are not "marked read").
    static func affected(_ messages: [VoicemailMessage], by change: BulkChange) -> [VoicemailMessage] {
        switch change {
        case .markRead: messages.filter { !$0.read }
        case .markUnread: messages.filter(\.read)
        case .move(let folder): messages.filter { $0.folder != folder }
        case .delete: messages
        }
    }

    /// "37 messages read", "1 message to Work".
    static func phrase(_ count: Int, _ change: BulkChange) -> String { Plural.messages(count) + change.tail }

    /// The set's messages, or nil after a dry run (the list is printed, nothing changed).
    static func select(
        _ options: SetOptions, change: BulkChange, in backend: any VoicemailBackend
    ) async throws -> [VoicemailMessage]? {
        let chosen = affected(try await options.messages(in: backend), by: change)
        if options.dryRun {
            if !chosen.isEmpty { Terminal.print(Tables.messages(chosen)) }
            Terminal.print("Would \(change.imperative) \(phrase(chosen.count, change)) (dry run: nothing changed).")
            return nil
        }
        return chosen
    }

    /// The whole command for a set: select, then change (or list, on a dry run).
    static func run(_ change: BulkChange, _ options: SetOptions, _ global: GlobalOptions, needs: BackendCapability? = nil) async throws {
        try await CLI.withBackend(global) { context in
            if let needs { try await CLI.require(needs, of: context.backend) }
            guard let chosen = try await select(options, change: change, in: context.backend) else { return }
            try await apply(change, to: chosen, in: context.backend)
        }
    }

    /// Applies the change to `messages`, printing the count before and after.
    static func apply(_ change: BulkChange, to messages: [VoicemailMessage], in backend: any VoicemailBackend) async throws {
        guard !messages.isEmpty else {
            Terminal.print("No message matches; nothing changed.")
            return
        }
        Terminal.print("\(change.verb) \(phrase(messages.count, change))…")
        let counter = Terminal.stderrIsTTY ? CountLine(verb: change.verb) : nil
        defer { counter?.finish() }
        let done = try await backend.change(change, ids: messages.map(\.id), mailbox: nil, progress: counter?.handler)
        counter?.finish()
        Terminal.print("\(change.pastTense.prefix(1).uppercased() + change.pastTense.dropFirst()) \(phrase(done, change)).")
    }
}

extension BulkChange {
    /// "mark", "move", "delete".
    var imperative: String {
        switch self {
        case .markRead, .markUnread: "mark"
        case .move: "move"
        case .delete: "delete"
        }
    }

    /// "marked", "moved", "deleted".
    var pastTense: String {
        switch self {
        case .markRead, .markUnread: "marked"
        case .move: "moved"
        case .delete: "deleted"
        }
    }
}

/// "Marking 120 of 500…" on stderr, rewritten in place (only made when stderr is a terminal).
final class CountLine: Sendable {
    private let verb: String
    private let shown = Mutex((lastDraw: ContinuousClock.now - .seconds(1), drawn: false))

    init(verb: String) { self.verb = verb }

    var handler: BulkProgress {
        { [self] done, total in
            shown.withLock { shown in
                let now = ContinuousClock.now
                guard now - shown.lastDraw >= .milliseconds(100) || done == total else { return }
                shown = (now, true)
                StandardStreams.error("\r\u{1B}[K\(verb) \(done) of \(total)…")
            }
        }
    }

    func finish() {
        shown.withLock { shown in
            if shown.drawn { StandardStreams.error("\r\u{1B}[K") }
            shown.drawn = false
        }
    }
}
