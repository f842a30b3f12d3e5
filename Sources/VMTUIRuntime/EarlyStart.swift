import AppCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import TerminalUI

/// The app's first state with its first loads already running: made before the terminal
/// opens, so the round trips to the PBX overlap ncurses' start-up instead of following it.
/// The loop that adopts it receives the answers (they wait in its inbox).
public final class EarlyStart {
    let state: AppState
    let inbox: EventInbox
    let tasks = EffectTasks()
    /// Effects that need the loop itself (quit, redraw, bell), kept for it.
    let deferred: [Effect]

    public init(config: AppConfig, runner: EffectRunner, pipe: WakePipe, logger: Logger, now: Date = Date()) {
        let inbox = EventInbox(pipe: pipe)
        runner.attach { [inbox] event in inbox.post(event) }
        self.inbox = inbox
        let (state, effects) = App.initial(config: config, now: now)
        self.state = state
        for effect in effects where !effect.isForTheLoop {
            logger.debug("effect \(effect.requestID.map(String.init(describing:)) ?? "-") started before the screen")
            tasks.start(effect, runner: runner, inbox: inbox)
        }
        deferred = effects.filter(\.isForTheLoop)
    }

    /// The screen did not open after all: the loads are not wanted.
    func cancel() { tasks.cancelAll() }
}
