import ArgumentParser
import AudioPlayback
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VMTUIRuntime
import VoicemailBackend
import VoicemailClient
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#endif

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export messages' audio with index.csv and index.json into a folder.",
        discussion: """
            Each message becomes YYYY-MM-DD_HHMM_<caller>_<id>.<ext>; index.csv and index.json list \
            id, mailbox, folder, date (ISO 8601 with offset), caller name and number, duration, \
            transcription and file. Running it again resumes: files already complete are skipped, \
            others replaced. An interrupted export leaves no temporary file behind.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The folder to write into (made if missing).", valueName: "DIR"), completion: .directory)
    var to: String

    @Option(help: ArgumentHelp("Folder: new, old, work, family, friends, 0–4, or all (default all).", valueName: "FOLDER"))
    var folder: FolderChoice = .all

    @Option(help: ArgumentHelp("Only messages left on or after DATE (2026-11-30, or ISO 8601 with a time).", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only messages whose caller name or number contains TEXT (any case).", valueName: "TEXT"))
    var from: String?

    func validate() throws {
        if to.isEmpty { throw ValidationError("--to needs a folder") }
        if let since, DateInput.date(since) == nil {
            throw ValidationError("--since must be a date like 2026-11-30 or 2026-11-30T08:00:00+01:00, not \(since)")
        }
    }

    func run() async throws {
        try await CLI.run {
            let directory = URL(fileURLWithPath: to)
            let summary = try await CLI.withBackend(global) { context in
                let page = try await FolderListing(context.backend).messages(
                    MessageQuery(folder: folder.folder, count: 1000), limit: nil)
                let matcher = MessageMatcher(from: from, since: since.flatMap { DateInput.date($0) }, before: nil)
                let messages = page.records.filter(matcher.matches)
                Terminal.print("Exporting \(Plural.messages(messages.count)) to \(TerminalSafe.line(to, maxLength: 200))…")
                // Ctrl-C or SIGTERM: no temporary stays behind in the folder.
                let path = directory.path
                let trap = SignalTrap { signal in
                    MessageExporter.removeTemporaries(in: path)
                    AudioCleanup.run()
                    _exit(128 + signal)
                }
                defer { trap.cancel() }
                let counter = Terminal.stderrIsTTY ? CountLine(verb: "Exporting") : nil
                defer { counter?.finish() }
                do {
                    let summary = try await MessageExporter(backend: context.backend, directory: directory)
                        .export(messages) { counter?.handler($0.done, $0.total) }
                    counter?.finish()
                    return summary
                } catch let failure as ExportFailure {
                    throw CLIFailure(message: TerminalSafe.line(failure.description, maxLength: 300), code: ExitStatus.failure)
                }
            }
            var detail = ["\(summary.written) written", "\(SizeText.bytes(summary.bytes))"]
            if summary.skipped > 0 { detail.insert("\(summary.skipped) already there", at: 1) }
            Terminal.print("Exported \(Plural.messages(summary.total)) (\(detail.joined(separator: ", "))).")
        }
    }
}
