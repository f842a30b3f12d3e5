import ArgumentParser
import AudioPlayback
import ChildSpawn
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VoicemailBackend
import VoicemailClient
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#endif

struct DownloadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download", abstract: "Download a message's audio.",
        discussion: "Writes <id>.<format> in the current directory unless -o says otherwise; -o - writes to stdout. An existing file is kept unless --force. The audio is checked against the message first; a failed or refused download leaves no file.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message id.") var id: String
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file, or - for stdout.", valueName: "FILE"))
    var output: String?
    @Flag(help: "Replace the output file if it exists.") var force = false

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
                let backend = context.backend
                if output == "-", Terminal.stdoutIsTTY {
                    throw CLIFailure(message: "refusing to write audio to a terminal (redirect stdout or use -o FILE)", code: ExitStatus.failure)
                }
                let message = try await backend.message(id: id, mailbox: nil)
                if output == "-" {
                    // Checked whole before a byte reaches stdout: a wrong audio must not be half-written.
                    try await Interruptible.run {
                        let file = try PrivateTempStore.shared.makeFile(named: "download.\(message.format.fileExtension)")
                        defer { PrivateTempStore.shared.remove(file) }
                        try await backend.downloadAudio(of: message, to: file, atomically: true, progress: nil)
                        try StandardOutput.copy(file)
                    }
                    return
                }
                let path = output ?? FileNames.audio(id: message.id, format: message.format)
                try OutputFile.checkWritable(path, force: force)
                let bar = Terminal.stderrIsTTY && message.size > 1_000_000 ? ProgressBar(label: "Downloading") : nil
                defer { bar?.finish() }
                let result = try await Interruptible.run {
                    try await backend.downloadAudio(
                        of: message, to: URL(fileURLWithPath: path), atomically: true, progress: bar?.handler)
                }
                bar?.finish()
                StandardStreams.error("Saved \(path) (\(SizeText.bytes(result.bytes)))\n")
            }
        }
    }
}

/// A transfer that Ctrl-C, SIGTERM or SIGHUP cancels rather than kills: the cancelled download
/// deletes its hidden partial file itself, then vmtui exits 128 + the signal.
enum Interruptible {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let interruption = InterruptionFlag()
        let task = Task { try await body() }
        let trap = SignalTrap { signal in
            interruption.record(signal)
            task.cancel()
            // A converter (the spool's sox) ends now rather than when it is done.
            LiveChildren.shared.closeForExit()
        }
        let result = await task.result
        trap.cancel()
        if let signal = interruption.signal {
            AudioCleanup.run()
            throw ExitCode(128 + signal)
        }
        return try result.get()
    }
}

enum FileNames {
    /// A safe file name from a server-provided id (no path separators, no leading dot).
    static func audio(id: String, format: AudioFormat) -> String {
        var safe = String(TerminalSafe.line(id, maxLength: 100).map { $0 == "/" || $0 == "\\" || $0 == " " ? "_" : $0 })
        while safe.hasPrefix(".") { safe.removeFirst() }
        return (safe.isEmpty ? "message" : safe) + "." + format.fileExtension
    }
}

extension GreetingType: ExpressibleByArgument {
    public init?(argument: String) { self.init(userInput: argument) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

struct GreetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greeting",
        abstract: "Upload, download, reset or copy a greeting (unavailable, busy, name; temporary where the PBX has it).",
        subcommands: [GreetingUpload.self, GreetingRecordCommand.self, GreetingDownload.self, GreetingReset.self, GreetingCopy.self])
}

extension CLI {
    /// Refuses (exit 7) before anything is sent or read when the PBX has no greeting of that
    /// type (Wazo has no temporary greeting, Kazoo only the unavailable one).
    static func require(_ types: GreetingType..., of backend: any VoicemailBackend) async throws {
        let capabilities = try await backend.capabilities()
        for type in types { try capabilities.require(type) }
    }
}

struct GreetingUpload: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "upload", abstract: "Replace a greeting with a WAV or MP3 file (at most 180 s).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "unavailable, busy, name or temporary (where the PBX has it).") var type: GreetingType
    @Argument(help: "Audio file.", completion: .file()) var file: String

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
            try await CLI.require(.greetings, .greetingUpload, of: context.backend)
            try await CLI.require(type, of: context.backend)
            // Checked (and converted to 8 kHz mono WAV when needed) before anything is sent.
            let prepared: PreparedAudio
            do {
                prepared = try await AudioInspector().prepareForUpload(URL(fileURLWithPath: file))
            } catch {
                // The inspector names the file by its last part; say the path as given.
                let text = "\(error)", name = URL(fileURLWithPath: file).lastPathComponent
                let named = text.hasPrefix(name + " ") ? TerminalSafe.line(file, maxLength: 200) + text.dropFirst(name.count) : text
                throw CLIFailure(message: named, code: ExitStatus.failure)
            }
            defer { prepared.discard() }
            if let note = prepared.note { StandardStreams.error("\(note)\n") }
            let url = prepared.url
            var status = stat()
            let size = stat(url.path, &status) == 0 ? Int(status.st_size) : 0
            let bar = Terminal.stderrIsTTY && size > 1_000_000 ? ProgressBar(label: "Uploading") : nil
            defer { bar?.finish() }
            let info = try await context.backend.uploadGreeting(type, mailbox: nil, from: url, progress: bar?.handler)
            bar?.finish()
            Terminal.print("Greeting \(type.rawValue) updated (\(info.duration.map(DurationText.clock) ?? "?")).")
            }
        }
    }
}

struct GreetingDownload: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "download", abstract: "Download a greeting's audio.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "unavailable, busy, name or temporary (where the PBX has it).") var type: GreetingType
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Output file (default greeting-<type>.<format>), or - for stdout.", valueName: "FILE"))
    var output: String?
    @Flag(help: "Replace the output file if it exists.") var force = false

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
            try await CLI.require(.greetings, of: context.backend)
            try await CLI.require(type, of: context.backend)
            let client = context.backend
            guard let info = try await client.greetings(mailbox: nil).first(where: { $0.type == type }), info.present else {
                throw CLIFailure(
                    message: type == .temporary
                        ? "no temporary greeting is in use (nothing to download)"
                        : "greeting \(type.rawValue) is the PBX default (nothing to download)",
                    code: ExitStatus.notFound)
            }
            let format = info.format ?? .wav
            if output == "-" {
                // As `download ID -o -`: the audio goes to stdout, checked whole first.
                if Terminal.stdoutIsTTY {
                    throw CLIFailure(message: "refusing to write audio to a terminal (redirect stdout or use -o FILE)", code: ExitStatus.failure)
                }
                try await Interruptible.run {
                    let file = try PrivateTempStore.shared.makeFile(named: "greeting.\(format.fileExtension)")
                    defer { PrivateTempStore.shared.remove(file) }
                    try await client.downloadGreeting(type, mailbox: nil, to: file, atomically: true, progress: nil)
                    try StandardOutput.copy(file)
                }
                return
            }
            let path = output ?? "greeting-\(type.rawValue).\(format.fileExtension)"
            try OutputFile.checkWritable(path, force: force)
            let result = try await Interruptible.run {
                try await client.downloadGreeting(
                    type, mailbox: nil, to: URL(fileURLWithPath: path), atomically: true, progress: nil)
            }
            StandardStreams.error("Saved \(path) (\(SizeText.bytes(result.bytes)))\n")
            }
        }
    }
}

struct GreetingReset: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Go back to the PBX default greeting.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "unavailable, busy, name or temporary (where the PBX has it).") var type: GreetingType

    func run() async throws {
        try await CLI.run {
            _ = try await CLI.withBackend(global) { context in
                try await CLI.require(.greetings, of: context.backend)
                try await CLI.require(type, of: context.backend)
                return try await context.backend.resetGreeting(type, mailbox: nil)
            }
            Terminal.print(
                type == .temporary
                    ? "Greeting temporary removed: callers hear unavailable and busy again."
                    : "Greeting \(type.rawValue) reset to the PBX default.")
        }
    }
}

struct GreetingCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Record one greeting again as another (vmtui greeting copy busy unavailable).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The greeting to copy.") var source: GreetingType
    @Argument(help: "The greeting it replaces.") var destination: GreetingType

    func validate() throws {
        guard source != destination else { throw ValidationError("a greeting cannot be copied onto itself") }
    }

    func run() async throws {
        try await CLI.run {
            let info = try await CLI.withBackend(global) { context in
                try await CLI.require(.greetings, .greetingCopy, of: context.backend)
                try await CLI.require(source, destination, of: context.backend)
                return try await context.backend.copyGreeting(source, to: destination, mailbox: nil)
            }
            let length = info.duration.map { " (\(DurationText.clock($0)))" } ?? ""
            var line = "Greeting \(source.rawValue) copied onto \(destination.rawValue)\(length)."
            if destination == .temporary { line += " Callers now hear it instead of unavailable and busy." }
            Terminal.print(line)
        }
    }
}
