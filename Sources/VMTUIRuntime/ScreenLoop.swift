import AppCore
import AudioPlayback
import ChildSpawn
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// How the screen ended.
public enum LoopExit: Equatable, Sendable {
    /// The user quit.
    case quit
    /// A terminating signal arrived (INT, TERM, HUP, QUIT); exit with 128 + its number.
    case signal(Int32)
}

/// The event loop: owns the app state, feeds input, ticks and effect results to
/// `App.update`, runs effects off this thread, and draws once per batch of events.
///
/// `run()` blocks the calling thread in `poll` between events; call it from a thread of
/// its own, never from a Swift concurrency task.
public final class ScreenLoop {
    private let terminal: TerminalDevice
    private let runner: EffectRunner
    private let pipe: WakePipe
    private let inbox: EventInbox
    private let logger: Logger
    private let tickInterval: TimeInterval
    private let now: @Sendable () -> Date
    private var state: AppState
    private var initialEffects: [Effect]
    private let tasks: EffectTasks
    private var quitRequested = false

    public convenience init(
        config: AppConfig, terminal: TerminalDevice, runner: EffectRunner, pipe: WakePipe,
        logger: Logger, tickInterval: TimeInterval = 1, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.init(
            start: EarlyStart(config: config, runner: runner, pipe: pipe, logger: logger, now: now()),
            terminal: terminal, runner: runner, pipe: pipe, logger: logger, tickInterval: tickInterval, now: now)
    }

    /// Adopts a start whose first loads are already running (see `EarlyStart`).
    public init(
        start: EarlyStart, terminal: TerminalDevice, runner: EffectRunner, pipe: WakePipe,
        logger: Logger, tickInterval: TimeInterval = 1, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.terminal = terminal
        self.runner = runner
        self.pipe = pipe
        self.inbox = start.inbox
        self.tasks = start.tasks
        self.logger = logger
        self.tickInterval = tickInterval
        self.now = now
        state = start.state
        initialEffects = start.deferred
    }

    public func run() -> LoopExit {
        defer {
            cancelEffects()
            clearTitle()
        }
        var effects = initialEffects
        initialEffects = []
        effects += App.update(&state, .input(.resize(terminal.size)))
        perform(effects)
        if quitRequested { return .quit }
        draw()
        var nextTick = now().addingTimeInterval(tickInterval)

        while true {
            let wait = max(0, nextTick.timeIntervalSince(now()))
            let waitMilliseconds = Int32(min(wait * 1000, 60_000).rounded(.up))
            if pipe.wait(inputFD: terminal.inputFileDescriptor, timeoutMilliseconds: waitMilliseconds) == .hangUp {
                // As SIGHUP would: a terminal that went away without one (the signal went to
                // another process group, or was ignored) must not leave vmtui polling it.
                logger.info("leaving: the terminal hung up")
                return .signal(SIGHUP)
            }

            var needsDraw = false
            for signal in pipe.drain() {
                switch signal {
                case SIGTSTP:
                    logger.info("suspended by SIGTSTP")
                    // The player stops with vmtui (Ctrl-Z must silence it) and goes on with it.
                    LiveChildren.shared.suspendGroups()
                    terminal.suspend()
                    LiveChildren.shared.resumeGroups()
                    needsDraw = true
                case SIGCONT:
                    terminal.invalidate()
                    needsDraw = true
                default:
                    logger.info("leaving on signal \(signal)")
                    return .signal(signal)
                }
            }

            var events = terminal.readAvailableInput().map(AppEvent.input)
            events += inbox.takeAll()
            let current = now()
            if current >= nextTick {
                events.append(.tick(current))
                nextTick = current.addingTimeInterval(tickInterval)
            }
            let started = ContinuousClock.now
            for event in events {
                perform(App.update(&state, event))
                if quitRequested { return .quit }
            }
            if needsDraw || !events.isEmpty {
                draw()
                logFrame(events, took: ContinuousClock.now - started)
            }
        }
    }

    /// How long a batch took from its events to the flushed screen: a debug line for every
    /// frame (benchmarks read them: scripts/bench-large.sh), a notice for one slow enough to
    /// be felt (a stall is a bug).
    private func logFrame(_ events: [AppEvent], took: Duration) {
        let microseconds = took.components.seconds * 1_000_000 + took.components.attoseconds / 1_000_000_000_000
        let isSlow = microseconds >= 50_000
        guard isSlow || logger.logLevel <= .debug else { return }
        let kinds = events.map(Self.kind).joined(separator: ",")
        let line: Logger.Message = "frame \(microseconds) us: \(kinds)"
        if isSlow { logger.notice("slow \(line)") } else { logger.debug(line) }
    }

    /// A short name for the log: "key", "resize", "tick", "list"…
    private static func kind(_ event: AppEvent) -> String {
        switch event {
        case .input(.key): "key"
        case .input(.mouse): "mouse"
        case .input(.resize): "resize"
        case .tick: "tick"
        case .capabilitiesLoaded: "capabilities"
        case .list: "list"
        case .actions: "actions"
        case .picker: "picker"
        case .overview: "overview"
        case .playback: "playback"
        case .greetings: "greetings"
        case .export: "export"
        case .transcription: "transcription"
        }
    }

    private func draw() {
        terminal.draw(App.render(state, size: terminal.size))
        let title = App.terminalTitle(state)
        if title != shownTitle {
            terminal.setTitle(title)
            shownTitle = title
        }
    }

    /// The title last sent to the terminal, so it is written only when it changes.
    private var shownTitle: String?

    /// Leaves no stale "3 unread" in the window title after vmtui has gone.
    private func clearTitle() {
        if shownTitle != nil { terminal.setTitle(nil) }
        shownTitle = nil
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .quit:
                quitRequested = true
            case .redraw:
                terminal.invalidate()
            case .bell:
                terminal.ring()
            case .cancel(let request):
                logger.debug("effect \(request) cancelled: superseded")
                tasks.cancel(request)
            default:
                launch(effect)
            }
        }
    }

    /// Runs the effect on the concurrency pool; its result comes back through the inbox.
    private func launch(_ effect: Effect) {
        logger.debug("effect \(effect.requestID.map(String.init(describing:)) ?? "-") started")
        tasks.start(effect, runner: runner, inbox: inbox)
    }

    /// Effects still running (tests wait for zero).
    public var runningEffects: Int { tasks.count }

    private func cancelEffects() { tasks.cancelAll() }
}
