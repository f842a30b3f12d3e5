import ChildSpawn
import FoundationEssentials
import Glibc
import Logging
import Synchronization
import VoicemailModel

/// Plays messages with the user's own player while vmtui stays responsive.
///
/// The player starts on the first bytes (piped to its stdin when it can read a stream, else
/// on the finished private file), is paused and sought over mpv's IPC socket or with signals
/// and restarts, and reports its state through `updates` and `onChange`. One message plays
/// at a time: `play` stops the previous one.
public actor PlaybackController {
    /// Every state change, in order. Meant for one consumer (the UI's event loop).
    public nonisolated let updates: AsyncStream<PlaybackState>
    private let updatesContinuation: AsyncStream<PlaybackState>.Continuation
    private let onChange: (@Sendable (PlaybackState) -> Void)?

    public private(set) var state: PlaybackState = .idle
    /// The player in use (or last used), e.g. for "Playing with mpv".
    public private(set) var currentPlayer: PlayerCommand?
    /// How fast messages play (1 is normal); kept for the next message.
    public private(set) var speed: Double = 1

    private let configuredPlayer: String?
    private let environment: [String: String]
    private let store: PrivateTempStore
    private let logger: Logger
    private var session: PlaybackSession?
    private var nextSessionID = 0
    /// Set by `shutdown`: no player starts any more.
    private nonisolated let closed = Mutex(false)

    /// - Parameters:
    ///   - player: the configured command template (`player` / `--player`); nil discovers one.
    ///   - environment: the user's environment; secrets are dropped before a player sees it.
    public init(
        player: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        store: PrivateTempStore = .shared,
        logger: Logger = Logger(label: "vmtui.audio"),
        onChange: (@Sendable (PlaybackState) -> Void)? = nil
    ) {
        configuredPlayer = player
        self.environment = environment
        self.store = store
        self.logger = logger
        self.onChange = onChange
        (updates, updatesContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    /// The player `play` would use for `format`, or the one-line reason there is none.
    public nonisolated func resolvePlayer(for format: AudioFormat) throws -> PlayerCommand {
        try PlayerDiscovery(environment: environment).choose(configured: configuredPlayer, for: format)
    }

    /// Starts playing `request`, stopping whatever played before. Returns once the player
    /// runs (or playback failed); follow `updates` for the rest.
    ///
    /// - Parameter withdrawn: asked once the previous playback is stopped, in the same step
    ///   that makes the new one current: true when a stop was asked for after this play
    ///   (keys are faster than a player's start), and then nothing starts. A stop asked for
    ///   later finds the new playback and ends it.
    /// - Returns: false when nothing was started (withdrawn, or after `shutdown`).
    @discardableResult
    public func play(_ request: PlaybackRequest, withdrawn: @Sendable () -> Bool = { false }) async -> Bool {
        await stopCurrent(final: .stopped)
        guard !closed.withLock({ $0 }), !withdrawn() else { return false }
        set(.starting)
        let command: PlayerCommand
        do {
            command = try resolvePlayer(for: request.format)
        } catch {
            set(.failed(Self.oneLine(error)))
            return true
        }
        currentPlayer = command
        let file: URL
        do {
            file = try store.makeFile(named: "\(request.name).\(request.format.fileExtension)")
        } catch {
            set(.failed(Self.oneLine(error)))
            return true
        }
        nextSessionID += 1
        let session = PlaybackSession(id: nextSessionID, request: request, command: command, file: file)
        self.session = session
        logger.info("playing \(request.name) with \(command.kind.programName)")

        let feed = session.feed
        let source = request.source
        session.downloadTask = Task.detached {
            do {
                try await source.download(to: file) { written, total in
                    feed.progress(written: written, total: total)
                }
                feed.finish(.complete)
            } catch is CancellationError {
                feed.finish(.failed("cancelled"))
            } catch {
                feed.finish(.failed(Self.oneLine(error)))
            }
            // A download that cannot be cancelled (a spool's sox) may write the file after
            // the playback ended and removed it.
            await self.downloadEnded(session)
        }

        if command.kind.readsStdin(request.format) {
            startPlayer(in: session, input: .stdin, offset: 0)
            return true
        }
        // This player needs the whole file first.
        let outcome = await feed.completion()
        guard self.session === session else { return true }
        if case .failed(let why) = outcome {
            end(session, with: .failed("Download failed: \(why)"))
            return true
        }
        startPlayer(in: session, input: .file(file.path), offset: 0)
        return true
    }

    /// Pauses a playing message or resumes a paused one.
    public func togglePause() async {
        guard let session, let process = session.process, process.isRunning else { return }
        if session.paused {
            if let mpv = session.mpv {
                await mpv.setPause(false)
            } else {
                process.signal(SIGCONT)
            }
            session.clock.resume()
            session.paused = false
            await publishProgress(session)
        } else {
            let elapsed = await currentElapsed(session)
            if let mpv = session.mpv {
                await mpv.setPause(true)
            } else {
                process.signal(SIGSTOP)
            }
            session.clock.pause()
            session.paused = true
            guard self.session === session else { return }
            set(.paused(elapsed: elapsed, total: session.total))
        }
    }

    /// Moves by `seconds` (negative: back). mpv seeks in place; other players restart at the
    /// new position when they can start at an offset, else from the beginning.
    public func seek(by seconds: Double) async {
        guard let session, let process = session.process, process.isRunning else { return }
        if let mpv = session.mpv, await mpv.seek(by: seconds) {
            await publishProgress(session)
            return
        }
        let elapsed = await currentElapsed(session)
        var target = max(0, elapsed + seconds)
        if let total = session.total { target = min(target, total) }
        if !session.command.kind.startsAtOffset { target = 0 }
        await restart(session, at: target)
    }

    /// What `setSpeed` did.
    public enum SpeedChange: Sendable, Equatable {
        /// The message plays at the new speed (or the next one will).
        case changed
        /// This player has no speed option (named): the speed stays normal.
        case unsupported(player: String)
    }

    /// Plays at `speed` (1 is normal) from now on: mpv changes it in place over its IPC;
    /// ffplay and sox's play restart where they are with their speed option. A player
    /// without one is left alone, and the speed stays normal.
    @discardableResult
    public func setSpeed(_ speed: Double) async -> SpeedChange {
        // Not playing: the player the next message would get (the configured one even when
        // it is not installed, which `play` reports).
        let command = session?.command ?? (try? resolvePlayer(for: .wav))
            ?? configuredPlayer.flatMap { try? CommandTemplate(parsing: $0) }.map { PlayerCommand(template: $0) }
        if let command, !command.kind.changesSpeed, speed != 1 {
            self.speed = 1
            let name = command.kind == .other ? command.template.programName : command.kind.programName
            return .unsupported(player: name)
        }
        guard speed != self.speed else { return .changed }
        self.speed = speed
        guard let session, let process = session.process, process.isRunning else { return .changed }
        if let mpv = session.mpv {
            let elapsed = await currentElapsed(session)
            if await mpv.setSpeed(speed) {
                guard self.session === session else { return .changed }
                session.clock.start(at: elapsed, rate: speed)
                if session.paused { session.clock.pause() }
                return .changed
            }
        }
        let elapsed = await currentElapsed(session)
        await restart(session, at: session.command.kind.startsAtOffset ? elapsed : 0)
        return .changed
    }

    /// The speed mpv reports over its IPC; nil for other players (or before it answers).
    public func reportedSpeed() async -> Double? {
        await session?.mpv?.getDouble("speed")
    }

    /// Stops the player and starts it again at `target` seconds from the finished file
    /// (paused again if it was).
    private func restart(_ session: PlaybackSession, at target: Double) async {
        // Restarting needs the whole file.
        let outcome = await session.feed.completion()
        guard self.session === session, !session.endRequested else { return }
        if case .failed = outcome { return }
        let wasPaused = session.paused
        session.generation += 1  // the old player's exit is not the end of playback
        if let old = session.process { await old.terminate() }
        guard self.session === session, !session.endRequested else { return }
        startPlayer(in: session, input: .file(session.file.path), offset: target)
        if wasPaused { await togglePause() }
    }

    /// Stops playback and deletes its private files. Waits until the player has exited.
    public func stop() async {
        await stopCurrent(final: .stopped)
    }

    /// Stops playback for good: no later `play` starts a player (vmtui is leaving).
    public func shutdown() async {
        closed.withLock { $0 = true }
        await stopCurrent(final: .stopped)
    }

    /// Waits until the current playback ends and returns how it ended.
    public func waitUntilDone() async -> PlaybackState {
        while state.isActive {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return state
    }

    // MARK: - Internals

    private func startPlayer(in session: PlaybackSession, input: PlayerCommand.Input, offset: Double) {
        session.generation += 1
        let generation = session.generation
        session.mpv?.disconnect()
        session.mpv = nil
        var socketPath: String?
        if session.command.kind.hasIPC {
            if let old = session.socket { store.remove(old) }
            session.socket = try? store.reservePath(named: "mpv.sock")
            socketPath = session.socket?.path
        }
        let arguments = session.command.arguments(
            input: input, format: session.request.format, startAt: offset, ipcSocket: socketPath, speed: speed)
        let process: ChildProcess
        do {
            process = try ChildProcess(
                arguments: arguments, environment: ChildEnvironment.sanitized(environment),
                input: input == .stdin ? .pipe : .nullDevice)
        } catch {
            end(session, with: .failed(Self.oneLine(error)))
            return
        }
        session.process = process
        if input == .stdin {
            InputPump.start(file: session.file, feed: session.feed, into: process)
        }
        session.clock.start(at: offset, rate: session.command.kind.changesSpeed ? speed : 1)
        session.paused = false
        set(.playing(elapsed: offset, total: session.total))

        if let socketPath {
            let control = MPVControl(socketPath: socketPath)
            Task {
                if await control.connect(while: { process.isRunning }) {
                    self.attach(control, to: session, generation: generation)
                }
            }
        }
        Task {
            let status = await process.waitForExit()
            self.playerExited(session: session, generation: generation, process: process, status: status)
        }
        if session.ticker == nil {
            session.ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(250))
                    await self.tick(session)
                }
            }
        }
    }

    private func downloadEnded(_ session: PlaybackSession) {
        if self.session !== session || session.endRequested { store.remove(session.file) }
    }

    private func attach(_ control: MPVControl, to session: PlaybackSession, generation: Int) {
        guard self.session === session, session.generation == generation else {
            control.disconnect()
            return
        }
        session.mpv = control
    }

    private func tick(_ session: PlaybackSession) async {
        guard self.session === session, !session.paused, session.process?.isRunning == true else { return }
        await publishProgress(session)
    }

    private func publishProgress(_ session: PlaybackSession) async {
        if session.total == nil, let mpv = session.mpv, let duration = await mpv.getDouble("duration"), duration > 0 {
            session.total = duration
        }
        let elapsed = await currentElapsed(session)
        guard self.session === session, !session.paused, !session.endRequested else { return }
        set(.playing(elapsed: elapsed, total: session.total))
    }

    private func currentElapsed(_ session: PlaybackSession) async -> Double {
        if let mpv = session.mpv, let position = await mpv.getDouble("time-pos") {
            return session.total.map { min(position, $0) } ?? position
        }
        return session.clock.elapsed(cappedAt: session.total)
    }

    private func playerExited(session: PlaybackSession, generation: Int, process: ChildProcess, status: Int32) {
        guard self.session === session, session.generation == generation else { return }
        if session.endRequested {
            end(session, with: .stopped)
        } else if case .failed(let why) = session.feed.snapshot.outcome, why != "cancelled" {
            end(session, with: .failed("Download failed: \(why)"))
        } else if status == 0 {
            end(session, with: .finished)
        } else {
            end(session, with: .failed(Self.failureReason(process: process, program: session.command.kind, template: session.command.template, status: status)))
        }
    }

    private func stopCurrent(final: PlaybackState) async {
        guard let session else { return }
        session.endRequested = true
        session.downloadTask?.cancel()
        if let process = session.process, process.isRunning || process.groupIsAlive {
            if let mpv = session.mpv, !session.paused, process.isRunning {
                await mpv.quit()
            }
            await process.terminate(grace: .seconds(2))
        }
        guard self.session === session else { return }
        end(session, with: final)
    }

    private func end(_ session: PlaybackSession, with final: PlaybackState) {
        guard self.session === session else { return }
        session.endRequested = true
        session.ticker?.cancel()
        session.downloadTask?.cancel()
        session.mpv?.disconnect()
        // A player, or a child it left behind, that outlives its session is told to go.
        session.process?.endGroup()
        store.remove(session.file)
        if let socket = session.socket { store.remove(socket) }
        self.session = nil
        logger.info("playback ended: \(String(describing: final))")
        set(final)
    }

    private func set(_ newState: PlaybackState) {
        guard newState != state else { return }
        state = newState
        updatesContinuation.yield(newState)
        onChange?(newState)
    }

    static func failureReason(process: ChildProcess, program: PlayerKind, template: CommandTemplate, status: Int32) -> String {
        let name = program == .other ? template.programName : program.programName
        if let line = process.failureLine {
            return "\(name): \(line)"
        }
        if status > 128 {
            return "\(name) was stopped by signal \(status - 128)"
        }
        return "\(name) exited with status \(status)"
    }

    static func oneLine(_ error: Error) -> String {
        let text: String
        if let audio = error as? AudioError {
            text = audio.description
        } else if let localized = error as? LocalizedError, let description = localized.errorDescription {
            text = description
        } else {
            text = String(describing: error)
        }
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}

/// Everything one playback owns. Only touched from the controller's actor.
final class PlaybackSession: @unchecked Sendable {
    let id: Int
    let request: PlaybackRequest
    let command: PlayerCommand
    let file: URL
    let feed = DownloadFeed()
    var socket: URL?
    var total: Double?
    var process: ChildProcess?
    var generation = 0
    var mpv: MPVControl?
    var clock = PlaybackClock()
    var paused = false
    var endRequested = false
    var downloadTask: Task<Void, Never>?
    var ticker: Task<Void, Never>?

    init(id: Int, request: PlaybackRequest, command: PlayerCommand, file: URL) {
        self.id = id
        self.request = request
        self.command = command
        self.file = file
        total = request.duration.flatMap { $0 > 0 ? $0 : nil }
    }
}
