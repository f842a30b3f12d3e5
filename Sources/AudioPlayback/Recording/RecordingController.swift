import ChildSpawn
import FoundationEssentials
import Glibc
import Logging
import VoicemailModel

/// How a recording ended.
public enum RecordingStopReason: String, Sendable, Equatable {
    /// `stop()` (Enter, Ctrl-C, a key in the TUI).
    case requested
    /// The length limit (180 s) was reached.
    case maxDuration
    /// The recorder ended by itself.
    case recorderEnded
}

public enum RecordingState: Sendable, Equatable {
    case idle
    /// `level` is 0…1 (RMS of the last tenth of a second) when it can be measured.
    case recording(elapsed: Double, level: Double?)
    /// The recording is in `file` (private folder) and passed the format check.
    case finished(file: URL, duration: Double, reason: RecordingStopReason)
    case failed(String)

    public var isRecording: Bool {
        if case .recording = self { return true }
        return false
    }
}

/// Records a greeting with the user's recorder (arecord, rec, ffmpeg or the configured
/// command) into the private folder, reporting elapsed time and a level meter, and stops by
/// itself at the PBX's limit.
public actor RecordingController {
    public nonisolated let updates: AsyncStream<RecordingState>
    private let updatesContinuation: AsyncStream<RecordingState>.Continuation
    private let onChange: (@Sendable (RecordingState) -> Void)?

    public private(set) var state: RecordingState = .idle
    public let maxDuration: Double

    private let configuredRecorder: String?
    private let environment: [String: String]
    private let store: PrivateTempStore
    private let logger: Logger
    private var process: ChildProcess?
    private var file: URL?
    private var startedAt: ContinuousClock.Instant?
    private var stopReason: RecordingStopReason?
    private var ticker: Task<Void, Never>?
    private var recorderName = "recorder"

    public init(
        recorder: String? = nil,
        maxDuration: Double = Double(VoicemailLimits.maxDurationSeconds),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        store: PrivateTempStore = .shared,
        logger: Logger = Logger(label: "vmtui.audio"),
        onChange: (@Sendable (RecordingState) -> Void)? = nil
    ) {
        configuredRecorder = recorder
        self.maxDuration = min(maxDuration, Double(VoicemailLimits.maxDurationSeconds))
        self.environment = environment
        self.store = store
        self.logger = logger
        self.onChange = onChange
        (updates, updatesContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    /// The recorder `start` would use, or the one-line reason there is none.
    public nonisolated func resolveRecorder() throws -> CommandTemplate {
        try RecorderDiscovery(environment: environment).choose(configured: configuredRecorder)
    }

    /// Starts recording; throws a one-line error when no recorder can be started.
    public func start() async throws {
        if state.isRecording { return }
        discardFile()
        let template = try resolveRecorder()
        recorderName = template.programName
        let target = try store.reservePath(named: "recording.wav")
        let process: ChildProcess
        do {
            process = try ChildProcess(
                arguments: template.arguments(file: target.path),
                environment: ChildEnvironment.sanitized(environment), input: .nullDevice)
        } catch {
            set(.failed(PlaybackController.oneLine(error)))
            throw error
        }
        logger.info("recording with \(recorderName)")
        self.process = process
        file = target
        stopReason = nil
        startedAt = .now
        set(.recording(elapsed: 0, level: nil))
        Task {
            let status = await process.waitForExit()
            self.recorderExited(process, status: status)
        }
        ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(100))
                await self.tick(process)
            }
        }
    }

    /// Stops recording (SIGINT, as Ctrl-C would, so the recorder finishes the file) and waits
    /// for the result.
    @discardableResult
    public func stop() async -> RecordingState {
        await stop(reason: .requested)
        return state
    }

    /// Stops and deletes the recording.
    public func cancel() async {
        await stop(reason: .requested)
        discardFile()
        set(.idle)
    }

    /// Waits until the recording ends (stop, limit, or recorder exit).
    public func waitUntilDone() async -> RecordingState {
        while state.isRecording {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return state
    }

    // MARK: - Internals

    private func stop(reason: RecordingStopReason) async {
        guard let process, process.isRunning else { return }
        if stopReason == nil { stopReason = reason }
        await process.terminate(first: SIGINT, grace: .seconds(3))
        // recorderExited runs on the exit; wait for it to publish.
        while state.isRecording, self.process === process {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private func tick(_ process: ChildProcess) async {
        guard self.process === process, state.isRecording, let startedAt, let file else { return }
        let elapsed = Self.seconds(ContinuousClock.now - startedAt)
        if elapsed >= maxDuration {
            await stop(reason: .maxDuration)
            return
        }
        set(.recording(elapsed: min(elapsed, maxDuration), level: LevelMeter.level(of: file)))
    }

    private func recorderExited(_ process: ChildProcess, status: Int32) {
        guard self.process === process else { return }
        ticker?.cancel()
        ticker = nil
        self.process = nil
        guard let file else { return }
        let reason = stopReason ?? .recorderEnded
        chmod(file.path, 0o600)
        let report = try? AudioInspector(environment: environment, store: store).inspect(file)
        if let report, report.duration > 0 {
            // A recorder stopped with SIGINT may exit non-zero (ffmpeg does) after writing a good file.
            if reason == .recorderEnded, status != 0 {
                set(.failed(recorderFailure(process, status: status)))
                return
            }
            set(.finished(file: file, duration: min(report.duration, maxDuration), reason: reason))
        } else if reason == .recorderEnded || status != 0 && status != 128 + SIGINT {
            set(.failed(recorderFailure(process, status: status)))
        } else {
            set(.failed("The recording is empty: no sound reached \(recorderName)"))
        }
    }

    private func recorderFailure(_ process: ChildProcess, status: Int32) -> String {
        if let line = process.failureLine { return "\(recorderName): \(line)" }
        return "\(recorderName) stopped with status \(status) before recording anything"
    }

    private func discardFile() {
        if let file { store.remove(file) }
        file = nil
    }

    private func set(_ newState: RecordingState) {
        guard newState != state else { return }
        state = newState
        updatesContinuation.yield(newState)
        onChange?(newState)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
