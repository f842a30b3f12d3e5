import AppCore

/// Executes one effect's I/O and answers with the event carrying its result. Runs off the
/// UI thread; must not touch the terminal. `.redraw` and `.quit` never reach a runner.
public protocol EffectRunner: Sendable {
    func run(_ effect: Effect) async -> AppEvent?
}
