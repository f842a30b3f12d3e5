import ArgumentParser
import AudioPlayback
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// `vmtui play ID`: streams a message to the user's player, shows elapsed/total on a
/// terminal, marks a new message read per `mark_read_on`; Ctrl-C stops and cleans up.
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play", abstract: "Play a message with your audio player.",
        discussion: """
            The player is --player, else `player` in the config, else the first of mpv, ffplay, \
            play (sox), pw-play, paplay, aplay found in PATH. {file} in the command stands for the \
            audio (one argument; no shell is involved). Playback starts while the audio is still \
            downloading. A new message is marked read per `mark_read_on` (start, end or never; \
            default end). Ctrl-C stops.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Message id.") var id: String
    @OptionGroup var playerOption: PlayerOption

    /// The root command's ScreenOptions also declares --player and the parser hands the value
    /// to it, not to this subcommand; so the command line is read directly as a fallback.
    var player: String? {
        playerOption.player ?? Self.lastValue(of: "--player", in: Array(CommandLine.arguments.dropFirst()))
    }

    static func lastValue(of option: String, in arguments: [String]) -> String? {
        var value: String?
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            if word == option, index + 1 < arguments.count {
                value = arguments[index + 1]
                index += 1
            } else if word.hasPrefix(option + "=") {
                value = String(word.dropFirst(option.count + 1))
            }
            index += 1
        }
        return value
    }

    func run() async throws {
        try await CLI.run {
            try await CLI.withBackend(global) { context in
            let client = context.backend
            let message = try await client.message(id: id, mailbox: nil)
            let controller = PlaybackController(player: player ?? context.config.screen.player, logger: context.logger)
            let chosen: PlayerCommand
            do {
                chosen = try controller.resolvePlayer(for: message.format)
            } catch {
                throw CLIFailure(message: "\(error)", code: ExitStatus.failure)
            }
            if chosen.discovered, Terminal.stderrIsTTY {
                StandardStreams.error("Playing with \(chosen.kind.programName)\n")
            }
            let policy = context.config.screen.markReadOn ?? .end
            let markRead = MarkReadOnce(client: client, message: message)

            let interruption = InterruptionFlag()
            let trap = SignalTrap { signal in
                interruption.record(signal)
                Task { await controller.stop() }
            }
            defer {
                trap.cancel()
                AudioCleanup.run()
            }

            let line = StatusLine(enabled: Terminal.stderrIsTTY, label: Format.caller(message))
            let watcher = Task {
                for await state in controller.updates {
                    if case .playing = state, policy == .start { await markRead.run() }
                    line.show(state)
                    if !state.isActive { break }
                }
            }
            await controller.play(.message(message, client: client))
            let final = await controller.waitUntilDone()
            watcher.cancel()
            line.finish()

            switch final {
            case .finished:
                if policy == .end { await markRead.run() }
            case .failed(let why):
                throw CLIFailure(message: why, code: ExitStatus.failure)
            default:
                break
            }
            if let signal = interruption.signal {
                throw ExitCode(128 + signal)
            }
            }
        }
    }
}

/// `--player CMD` of `vmtui play`.
struct PlayerOption: ParsableArguments {
    @Option(help: ArgumentHelp("Player command, e.g. \"mpv --no-video {file}\".", valueName: "CMD"))
    var player: String?
}

/// Marks a new message read at most once; a failure is a warning, not a failed playback.
actor MarkReadOnce {
    private let client: any VoicemailBackend
    private let message: VoicemailMessage
    private var done = false

    init(client: any VoicemailBackend, message: VoicemailMessage) {
        self.client = client
        self.message = message
        done = message.read
    }

    func run() async {
        guard !done else { return }
        done = true
        do {
            _ = try await client.markRead(ids: [message.id], mailbox: message.mailbox.isEmpty ? nil : message.mailbox)
        } catch let error as VoicemailError {
            Terminal.printError("warning: could not mark the message read: \(error.message)")
        } catch {
            Terminal.printError("warning: could not mark the message read")
        }
    }
}

/// The signal that interrupted a command, if any.
final class InterruptionFlag: Sendable {
    private let value = Mutex<Int32?>(nil)

    func record(_ signal: Int32) {
        value.withLock { if $0 == nil { $0 = signal } }
    }

    var signal: Int32? { value.withLock { $0 } }
}

/// "▶ 0:12 / 0:42  Bob Nguyen (102)" redrawn in place on a terminal's stderr.
final class StatusLine: Sendable {
    private let enabled: Bool
    private let label: String
    /// Whether a line is on the terminal to be cleared; held while writing, so two
    /// threads never interleave their lines.
    private let drawn = Mutex(false)

    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    func show(_ state: PlaybackState) {
        guard enabled else { return }
        let text: String
        switch state {
        case .starting: text = "… starting"
        case .playing(let elapsed, let total): text = "▶ \(Self.clock(elapsed)) / \(total.map(Self.clock) ?? "?:??")"
        case .paused(let elapsed, let total): text = "⏸ \(Self.clock(elapsed)) / \(total.map(Self.clock) ?? "?:??")"
        default: return
        }
        draw("\(text)  \(label)")
    }

    func draw(_ text: String) {
        guard enabled else { return }
        drawn.withLock { drawn in
            StandardStreams.error("\r\u{1b}[2K\(text)")
            drawn = true
        }
    }

    func finish() {
        drawn.withLock { drawn in
            if drawn { StandardStreams.error("\r\u{1b}[2K") }
            drawn = false
        }
    }

    /// Whole seconds elapsed, as DisplayText writes lengths.
    static func clock(_ seconds: Double) -> String {
        DurationText.clock(Int(seconds))
    }
}
