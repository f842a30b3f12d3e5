import SystemBasics
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
import Themes

/// Opens the ncurses screen, runs the event loop on a thread of its own and gives the
/// terminal back on every way out.
public enum ScreenSession {
    public struct Options: Sendable {
        public var config: AppConfig
        public var theme: Theme
        public var environment: [String: String]
        public var logger: Logger

        public init(config: AppConfig, theme: Theme, environment: [String: String], logger: Logger) {
            self.config = config
            self.theme = theme
            self.environment = environment
            self.logger = logger
        }
    }

    /// Runs until the user quits or a terminating signal arrives. Throws (before anything
    /// was drawn, with the terminal untouched) when the screen cannot open.
    public static func run(_ options: Options, runner: EffectRunner) async throws(ScreenError) -> LoopExit {
        let pipe: WakePipe
        do { pipe = try WakePipe() } catch { throw ScreenError(message: error.message) }
        SignalRelay.fatalCleanup = { LiveChildren.terminateFromSignalHandler() }
        // Quit, signals and failures alike: no player, recorder or hook outlives the screen,
        // and no private audio stays on disk. Terminating signals are ignored meanwhile.
        defer { SignalRelay.releaseTerminatingSignals() }
        do {
            let exit = try await open(options, runner: runner, pipe: pipe)
            await runner.shutdown()
            AudioCleanup.run()
            return exit
        } catch let error as TerminalError {
            throw ScreenError(message: error.message)
        } catch {
            throw ScreenError(message: String(describing: error))
        }
    }

    private static func open(_ options: Options, runner: EffectRunner, pipe: WakePipe) async throws -> LoopExit {
        return try await withCheckedThrowingContinuation { continuation in
            // poll() blocks: keep it off Swift's cooperative pool, which runs the effects.
            let started = DetachedThread.start(name: "vmtui-screen", stackSize: 8 << 20) {
                SignalRelay.install(relayingTo: pipe)
                // The players are ended and their audio deleted after this thread: a second
                // signal (a hangup brings several) must not cut that short.
                defer { SignalRelay.uninstall(holdingTerminatingSignals: true) }
                // The first loads leave now; the terminal opens while they travel.
                let start = EarlyStart(config: options.config, runner: runner, pipe: pipe, logger: options.logger)
                let terminal: CursesTerminal
                do {
                    terminal = try CursesTerminal(
                        options: .init(theme: options.theme, environment: options.environment))
                } catch {
                    start.cancel()
                    continuation.resume(throwing: error)
                    return
                }
                options.logger.info(
                    "screen opened: \(terminal.size.width)x\(terminal.size.height), colours \(terminal.colorDepth.rawValue), theme \(options.theme.name)")
                let loop = ScreenLoop(start: start, terminal: terminal, runner: runner, pipe: pipe, logger: options.logger)
                let exit = loop.run()
                terminal.stop()
                options.logger.info("screen closed: \(exit)")
                continuation.resume(returning: exit)
            }
            if !started { continuation.resume(throwing: TerminalError("could not start the screen's thread")) }
        }
    }
}

/// The screen could not open (no tty, unknown TERM…): one line for stderr.
public struct ScreenError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
