import ArgumentParser
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

/// `vmtui transcribe ID…|--all [--folder F]`: the config's `transcribe_command` run on each
/// message without the PBX's transcription, one at a time; the text is cached and printed.
struct TranscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcribe",
        abstract: "Transcribe messages locally with the config's transcribe_command (cached).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Message ids.") var ids: [String] = []

    @Flag(help: "Every message of the folder that has no transcription.")
    var all = false

    @Option(help: ArgumentHelp("With --all: new (default), old, work, family, friends, 0–4, or all.", valueName: "FOLDER"))
    var folder: FolderChoice = .one(.inbox)

    func validate() throws {
        if all == !ids.isEmpty { throw ValidationError("give message ids or --all, not both") }
    }

    func run() async throws {
        try await CLI.run {
            let config = try BackendFactory.loadConfig(global)
            guard let settings = config.screen.transcribe else {
                throw CLIFailure(
                    message: "no transcribe_command in the config (for example whisper-cli -m MODEL -nt -f {file})",
                    code: ExitStatus.configuration)
            }
            let transcriber = LocalTranscriber(settings: settings)
            let failures = try await CLI.withBackend(global) { context in
                let messages: [VoicemailMessage]
                if all {
                    messages = try await FolderListing(context.backend).messages(
                        MessageQuery(folder: folder.folder, count: 1000), limit: nil
                    ).records.filter { $0.transcription == nil }
                    Terminal.printError("\(Plural.messages(messages.count)) without the PBX's transcription")
                } else {
                    var found: [VoicemailMessage] = []
                    for id in ids { found.append(try await context.backend.message(id: id, mailbox: nil)) }
                    messages = found
                }
                var failures = 0
                for message in messages {
                    let heading = "== \(TerminalSafe.line(message.id, maxLength: 64))  \(Format.caller(message))  \(Format.date(message.date))"
                    if let pbx = message.transcription {
                        Terminal.print(heading + "  (PBX)\n" + TerminalSafe.text(pbx))
                        continue
                    }
                    do {
                        let text = try await transcriber.transcript(of: message, backend: context.backend)
                        Terminal.print(heading + "  (local)\n" + TerminalSafe.text(text))
                    } catch let error as TranscribeError {
                        failures += 1
                        Terminal.printError("\(TerminalSafe.line(message.id, maxLength: 64)): \(error.message)")
                    }
                }
                return failures
            }
            if failures > 0 { throw ExitCode(ExitStatus.failure) }
        }
    }
}
