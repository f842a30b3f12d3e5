import SystemBasics
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

/// Runs the user's transcription command on a message's audio: the audio in a private
/// temporary file (converted with sox to 16 kHz mono WAV when asked), the command in its own
/// process group with a clean environment, its stdout the transcript, killed with its group
/// when it outlives the timeout. The text is cached; the temporary files are removed.
public struct LocalTranscriber: Sendable {
    public let settings: TranscribeSettings
    public let cache: TranscriptCache
    let temporary: PrivateTempStore
    let environment: [String: String]

    public init(
        settings: TranscribeSettings, cache: TranscriptCache = TranscriptCache(), temporary: PrivateTempStore = .shared,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.settings = settings
        self.cache = cache
        self.temporary = temporary
        self.environment = environment
    }

    /// The cached transcript, else a new one (cached before it is returned).
    public func transcript(of message: VoicemailMessage, backend: any VoicemailBackend) async throws -> String {
        if let cached = cache.read(message) { return cached }
        var made: [URL] = []
        defer { for file in made { temporary.remove(file) } }
        let audio = try temporary.makeFile(named: "transcribe.\(message.format.rawValue)")
        made.append(audio)
        try await backend.downloadAudio(of: message, to: audio, atomically: false, progress: nil)
        var input = audio
        if settings.format == .wav16k {
            let converted = try temporary.reservePath(named: "transcribe-16k.wav")
            made.append(converted)
            try await run(["sox", audio.path, "-r", "16000", "-c", "1", "-b", "16", converted.path], what: "sox", output: nil)
            input = converted
        }
        let output = try temporary.makeFile(named: "transcript.txt")
        made.append(output)
        try await run(settings.command.arguments(file: input.path), what: settings.command.programName, output: output)
        let text = String(decoding: FileManager.default.contents(atPath: output.path) ?? Data(), as: UTF8.self)
            .trimmingSpacesAndNewlines()
        guard !text.isEmpty else { throw TranscribeError("\(settings.command.programName) printed no text") }
        try cache.write(text, for: message)
        return text
    }

    /// Runs `arguments` (stdout into `output` when given) within the timeout.
    func run(_ arguments: [String], what: String, output: URL?) async throws {
        // The shell only sends stdout to the private file and execs the command: the
        // command itself leads the process group that a timeout kills.
        let launched = output.map { ["/bin/sh", "-c", "exec \"$@\" > \"$0\"", $0.path] + arguments } ?? arguments
        let child: ChildProcess
        do {
            child = try ChildProcess(
                arguments: launched, environment: ChildEnvironment.sanitized(environment), input: .nullDevice, output: .stderrOnly)
        } catch {
            throw TranscribeError("cannot start \(what): \(error)")
        }
        let timeout = settings.timeout
        enum Outcome { case exited(Int32), timedOut }
        let outcome = await withTaskGroup(of: Outcome.self) { group in
            group.addTask { .exited(await child.waitForExit()) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .timedOut
            }
            let first = await group.next() ?? .timedOut
            if case .timedOut = first { await child.terminate() }
            group.cancelAll()
            return first
        }
        child.endGroup()
        try Task.checkCancellation()
        switch outcome {
        case .timedOut:
            throw TranscribeError("\(what) took longer than \(Self.seconds(timeout)) and was stopped")
        case .exited(0):
            return
        case .exited(let status):
            let reason = child.failureLine.map { ": " + TerminalSafe.line($0, maxLength: 200) } ?? ""
            throw TranscribeError("\(what) failed (exit \(status))\(reason)")
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : FixedDecimal.text(seconds, places: 1) + " s"
    }
}
