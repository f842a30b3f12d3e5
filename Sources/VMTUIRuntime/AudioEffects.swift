import AppCore
import AudioPlayback
import FoundationEssentials
import Logging
import Synchronization
import VoicemailBackend

/// Runs the app's audio effects: playing and saving (PlaybackEffects.swift) and the greetings
/// calls and recorder (GreetingsEffects.swift); the player and the recorder are one runner's
/// because a recording must first stop the player. Playback and recording
/// report many events per effect; they go through the sink given by `attach`.
public final class AudioEffectRunner: Sendable, AttemptingRunner {
    let client: any VoicemailBackend
    let environment: [String: String]
    let logger: Logger
    let player: PlaybackController
    let recorder: RecordingController
    let sink: EventSink
    /// Which requests the player's and recorder's reports belong to.
    let tags: AudioTags
    /// Play commands run one after the other, so a stop of the old playback is never taken
    /// for the end of the new one.
    let playQueue = Mutex<Task<Void, Never>?>(nil)
    /// The order in which the loop launched plays and stops (see `accept`).
    let launchOrder = LaunchOrder()
    /// Set by `shutdown`: nothing plays or records any more.
    let closed = Mutex(false)
    /// Saves under way, by target path: leaving waits for them to delete their partial files.
    let saves = SavesInFlight()

    /// - Parameters:
    ///   - player: `player` from the config or `--player`; nil discovers one.
    ///   - recorder: `recorder` from the config; nil discovers one.
    public init(
        client: any VoicemailBackend, player: String?, recorder: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment, logger: Logger
    ) {
        self.client = client
        self.environment = environment
        self.logger = logger
        let sink = EventSink()
        let tags = AudioTags()
        self.sink = sink
        self.tags = tags
        self.player = PlaybackController(
            player: player, environment: environment, logger: logger,
            onChange: { state in
                guard let id = tags.playback.withLock({ $0 }), var report = Self.report(state) else { return }
                // A download that failed because the message is gone says so, so the screen
                // can refresh as it does for r/m/d instead of showing a player error.
                if case .failed = report, tags.gone.withLock({ $0 == id }) { report = .messageGone }
                sink.post(.playback(.report(id, report)))
            })
        self.recorder = RecordingController(
            recorder: recorder, environment: environment, logger: logger,
            onChange: { state in
                let (id, discarding) = tags.recording.withLock { ($0.id, $0.discarding) }
                guard let id else { return }
                switch state {
                case .idle:
                    if discarding { sink.post(.greetings(.recording(id, .cancelled))) }
                case .recording(let elapsed, let level):
                    sink.post(.greetings(.recording(id, .progress(elapsed: elapsed, level: level))))
                case .finished(let file, let duration, let reason):
                    guard !discarding else { return }
                    sink.post(.greetings(.recording(
                        id, .finished(path: file.path, duration: duration, reachedLimit: reason == .maxDuration))))
                case .failed(let why):
                    guard !discarding else { return }
                    sink.post(.greetings(.recording(id, .failed(why))))
                }
            })
    }

    /// Where playback and recording reports go (the event loop's inbox).
    public func attach(_ post: @escaping @Sendable (AppEvent) -> Void) {
        sink.set(post)
    }

    /// Notes, on the loop's thread and in the loop's order, each play and stop as it is
    /// launched: the effects then run concurrently, and a stop pressed while a player is
    /// still starting must win over that start whichever task runs first.
    public func accept(_ effect: PlaybackEffect) {
        launchOrder.note(effect)
    }

    /// Stops the player and recorder for good and deletes the private audio (exit paths;
    /// `AudioCleanup.run` then ends whatever else vmtui started).
    public func shutdown() async {
        closed.withLock { $0 = true }
        tags.playback.withLock { $0 = nil }
        tags.recording.withLock { $0 = (nil, true) }
        await player.shutdown()
        await recorder.cancel()
        // The loop cancelled the saves as it ended; each deletes what it wrote.
        await saves.waitUntilDone(cap: .seconds(3))
        PrivateTempStore.shared.removeAll()
    }

    // MARK: Errors

    static func mailbox(_ name: String?) -> String? { name?.isEmpty == false ? name : nil }

    static func oneLine(_ error: Error) -> String {
        let text = (error as? AudioError)?.description ?? (error as? LocalizedError)?.errorDescription ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
    }
}
