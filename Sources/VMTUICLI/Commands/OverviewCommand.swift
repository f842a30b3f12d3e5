import AppCore
import ArgumentParser
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization
import VoicemailBackend
import VMTUIRuntime
import VoicemailClient
import VoicemailModel

/// `vmtui overview`: every mailbox the user may open, the ones that need attention first
/// (full, nearly full, then whoever has waited longest).
struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Every mailbox you may open, the ones needing attention first (for a support desk).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Mailboxes read side by side (1–32).")
    var parallel: Int = MailboxOverview.defaultParallel

    @Flag(help: "Machine-readable JSON (an array of mailboxes).")
    var json = false

    func validate() throws {
        guard (1...32).contains(parallel) else { throw ValidationError("--parallel must be between 1 and 32") }
    }

    func run() async throws {
        try await CLI.run {
            let progress = CountProgress(label: "Reading mailboxes", visible: Terminal.stderrIsTTY)
            let rows = try await CLI.withBackend(global) { context in
                try await CLI.require(.mailboxList, of: context.backend)
                return try await MailboxOverview.load(context.backend, parallel: parallel, progress: progress.update)
            }
            progress.finish()
            Terminal.print(json ? try JSONOutput.string(rows) : OverviewTable.render(rows, now: Date()))
        }
    }
}

/// The overview as a table: ages relative to `now`, local dates.
enum OverviewTable {
    static func render(_ rows: [MailboxOverviewRow], now: Date, timeZone: any ZoneRules = SystemZone()) -> String {
        guard !rows.isEmpty else { return "No mailboxes." }
        var table = TextTable(
            headers: ["MAILBOX", "NAME", "UNREAD", "WAITING", "TOTAL", "CAPACITY", "", "NEWEST", "FROM"],
            rightAligned: [2, 3, 4, 5])
        for row in rows {
            let note: String = switch row.gauge?.level {
            case .full: "FULL"
            case .nearlyFull: "nearly full"
            default: row.detailsMissing.map { TerminalSafe.line($0, maxLength: 40) } ?? ""
            }
            table.add([
                TerminalSafe.line(row.mailbox, maxLength: 20) + (row.own ? "*" : ""),
                TerminalSafe.line(row.name, maxLength: 40), "\(row.unread)",
                row.oldestUnread.map { DurationText.age(Int(now.timeIntervalSince($0))) } ?? "",
                "\(row.total)", row.gauge?.text ?? "", note,
                row.newest.map { Format.date($0, timeZone: timeZone) } ?? "",
                row.newestCaller.map { TerminalSafe.line($0, maxLength: 60) } ?? "",
            ])
        }
        return table.render()
    }
}

/// "Reading mailboxes 120 of 500" on a terminal's stderr, redrawn at most ~10 times a second.
final class CountProgress: Sendable {
    private let label: String
    private let visible: Bool
    private let shown = Mutex((lastDraw: ContinuousClock.now - .seconds(1), drawn: false))

    init(label: String, visible: Bool) {
        self.label = label
        self.visible = visible
    }

    var update: @Sendable (Int, Int) -> Void {
        { [self] done, total in draw(done, total) }
    }

    private func draw(_ done: Int, _ total: Int) {
        guard visible else { return }
        shown.withLock { shown in
            let now = ContinuousClock.now
            guard now - shown.lastDraw >= .milliseconds(100) || done == total else { return }
            shown = (now, true)
            StandardStreams.error("\r\u{1B}[K\(label) \(done) of \(total)")
        }
    }

    func finish() {
        shown.withLock { if $0.drawn { StandardStreams.error("\r\u{1B}[K") } }
    }
}
