import SystemBasics
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

/// `vmtui greeting record TYPE`: records from the microphone until Enter or Ctrl-C (or the
/// limit), checks the recording, and uploads it as the greeting.
struct GreetingRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record a greeting from the microphone and upload it.",
        discussion: """
            The recorder is --recorder, else `recorder` in the config, else the first of arecord, \
            rec (sox) and ffmpeg (PulseAudio) found in PATH; {file} stands for the WAV it writes. \
            Enter or Ctrl-C stops; recording stops by itself at --max seconds (at most 180).
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "unavailable, busy, name or temporary (where the PBX has it).") var type: GreetingType
    @Option(help: ArgumentHelp("Recorder command, e.g. \"arecord -f S16_LE -r 8000 -c 1 -t wav {file}\".", valueName: "CMD"))
    var recorder: String?
    // `.unconditional`: "-1" is a (wrong) value to explain, not an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop after this many seconds (at most 180).", valueName: "SECONDS"))
    var max: Double = Double(VoicemailLimits.maxDurationSeconds)

    func validate() throws {
        guard max > 0, max <= Double(VoicemailLimits.maxDurationSeconds) else {
            throw ValidationError("--max must be between 1 and \(VoicemailLimits.maxDurationSeconds) seconds")
        }
    }

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
            try await CLI.require(.greetings, .greetingUpload, of: context.backend)
            try await CLI.require(type, of: context.backend)
            let controller = RecordingController(
                recorder: recorder ?? context.config.screen.recorder, maxDuration: max, logger: context.logger)
            let template: CommandTemplate
            do {
                template = try controller.resolveRecorder()
            } catch {
                throw CLIFailure(message: "\(error)", code: ExitStatus.failure)
            }
            let interruption = InterruptionFlag()
            let trap = SignalTrap { signal in
                interruption.record(signal)
                Task {
                    // Ctrl-C ends the recording and keeps it; SIGTERM/SIGHUP abandon it.
                    if signal == SIGINT { await controller.stop() } else { await controller.cancel() }
                }
            }
            defer {
                trap.cancel()
                AudioCleanup.run()
            }

            let stopHint = Terminal.stdinIsTTY ? "Enter or Ctrl-C stops" : "Ctrl-C stops"
            StandardStreams.error(
                "Recording the \(type.rawValue) greeting with \(template.programName); \(stopHint) (at most \(Int(max)) s).\n")
            do {
                try await controller.start()
            } catch {
                throw CLIFailure(message: "\(error)", code: ExitStatus.failure)
            }
            if Terminal.stdinIsTTY { EnterKey.onPress { Task { await controller.stop() } } }

            let line = StatusLine(enabled: Terminal.stderrIsTTY, label: "")
            let limit = max
            let watcher = Task {
                for await state in controller.updates {
                    guard case .recording(let elapsed, let level) = state else { break }
                    line.draw("● REC \(StatusLine.clock(elapsed)) / \(StatusLine.clock(limit))  \(LevelBar.render(level))")
                }
            }
            let final = await controller.waitUntilDone()
            watcher.cancel()
            line.finish()
            if let signal = interruption.signal, signal != SIGINT { throw ExitCode(128 + signal) }

            let recording: URL
            switch final {
            case .finished(let file, let duration, let reason):
                recording = file
                let why = reason == .maxDuration ? " (limit reached)" : ""
                StandardStreams.error("Recorded \(FixedDecimal.text(duration, places: 1)) s\(why).\n")
            case .failed(let why):
                throw CLIFailure(message: why, code: ExitStatus.failure)
            default:
                throw CLIFailure(message: "recording cancelled; the greeting is unchanged", code: ExitStatus.failure)
            }

            let prepared: PreparedAudio
            do {
                prepared = try await AudioInspector().prepareForUpload(recording)
            } catch {
                throw CLIFailure(message: "\(error)", code: ExitStatus.failure)
            }
            defer { prepared.discard() }
            if let note = prepared.note { StandardStreams.error("\(note)\n") }
            let bar = Terminal.stderrIsTTY ? ProgressBar(label: "Uploading") : nil
            let info = try await context.backend.uploadGreeting(type, mailbox: nil, from: prepared.url, progress: bar?.handler)
            bar?.finish()
            await controller.cancel()
            Terminal.print("Greeting \(type.rawValue) updated (\(info.duration.map(DurationText.clock) ?? DurationText.clock(Int(prepared.duration.rounded())))).")
            }
        }
    }
}

/// Calls back once when the user presses Enter (stdin read on a thread of its own).
enum EnterKey {
    static func onPress(_ action: @escaping @Sendable () -> Void) {
        DetachedThread.start(name: "vmtui-enter-key") {
            if readLine() != nil { action() }
        }
    }
}

/// A ten-cell level meter: "▮▮▮▯▯▯▯▯▯▯".
enum LevelBar {
    static func render(_ level: Double?) -> String {
        guard let level else { return "" }
        // Speech sits around -30…-10 dBFS; map -50…0 dB onto the bar.
        let decibels = level > 0 ? 20 * log10(level) : -100
        let cells = Int(((decibels + 50) / 50 * 10).rounded()).clamped(to: 0...10)
        return String(repeating: "▮", count: cells) + String(repeating: "▯", count: 10 - cells)
    }
}

extension Comparable {
    fileprivate func clamped(to range: ClosedRange<Self>) -> Self {
        Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
    }
}
