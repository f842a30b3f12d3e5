import AppCore

/// Executes one effect's I/O and answers with the event carrying its result. Runs off the
/// UI thread; must not touch the terminal. `.redraw` and `.quit` never reach a runner.
public protocol EffectRunner: Sendable {
    func run(_ effect: Effect) async -> AppEvent?
    /// Gives the runner the loop's inbox for events no single effect answers (playback
    /// progress, recording levels). Called once, before the first effect.
    func attach(_ post: @escaping @Sendable (AppEvent) -> Void)
    /// Stops players and recorders and deletes private audio; called on every way out.
    func shutdown() async
    /// Called on the loop's thread, in order, as each effect is launched (before it runs):
    /// effects run concurrently, so what must respect the keys' order is noted here.
    func accept(_ effect: Effect)
}

extension EffectRunner {
    public func accept(_ effect: Effect) {}
    public func attach(_ post: @escaping @Sendable (AppEvent) -> Void) {}
    public func shutdown() async {}
}

extension Effect {
    /// Quit, redraw, bell and cancel act on the loop and its terminal; every other effect is
    /// I/O for a runner.
    var isForTheLoop: Bool {
        switch self {
        case .quit, .redraw, .bell, .cancel: true
        case .loadCapabilities, .list, .actions, .picker, .overview, .playback, .greetings, .export, .transcription: false
        }
    }
}
