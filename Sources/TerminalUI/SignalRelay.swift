import Glibc

/// Process-wide signal handling for the screen. Handlers only do async-signal-safe things:
/// the orderly signals (INT, TERM, HUP, QUIT, TSTP, CONT) are written to the wake pipe for
/// the event loop to handle; fatal signals put the tty back from the saved termios and a
/// raw reset sequence, tell the children to go, then kill vmtui with the same signal.
public enum SignalRelay {
    public static let orderlySignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT]
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers, relaying orderly signals to `pipe`.
    public static func install(relayingTo pipe: WakePipe) {
        relayFD = pipe.writeFD
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(relayFD, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        for signal in orderlySignals { sigaction(signal, &action, nil) }

        var fatal = sigaction()
        fatal.__sigaction_handler.sa_handler = { signal in
            SignalRelay.emergencyRestore()
            SignalRelay.fatalCleanup?()
            // Die of this very signal, whoever sent it: a handler that only returned left
            // vmtui alive with no screen when the signal came from kill(1).
            Glibc.signal(signal, SIG_DFL)
            var unblock = sigset_t()
            sigemptyset(&unblock)
            sigaddset(&unblock, signal)
            sigprocmask(SIG_UNBLOCK, &unblock, nil)
            raise(signal)
            _exit(128 + signal)
        }
        sigemptyset(&fatal.sa_mask)
        fatal.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND) | UInt32(SA_NODEFER))
        for signal in fatalSignals { sigaction(signal, &fatal, previousFatalActions + Int(signal)) }
    }

    /// Called from a fatal signal's handler after the terminal is restored (children to end):
    /// async-signal-safe code only.
    nonisolated(unsafe) public static var fatalCleanup: (@convention(c) () -> Void)?

    /// The terminating signals, while vmtui ends its players and deletes their audio after
    /// the screen closed: ignored, so a second one (a hangup brings several) cannot cut that
    /// short. `releaseTerminatingSignals` gives them their default actions back.
    public static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    public static func releaseTerminatingSignals() {
        for signal in terminatingSignals { Glibc.signal(signal, SIG_DFL) }
    }

    /// Takes the relay away after the screen closed: default actions again, except that with
    /// `holdingTerminatingSignals` those stay ignored until `releaseTerminatingSignals`.
    public static func uninstall(holdingTerminatingSignals: Bool = false) {
        for signal in orderlySignals {
            let held = holdingTerminatingSignals && terminatingSignals.contains(signal)
            Glibc.signal(signal, held ? SIG_IGN : SIG_DFL)
        }
        if resizeRelayed {
            _ = sigaction(SIGWINCH, previousResizeAction, nil)
            resizeRelayed = false
        }
        relayFD = -1
    }

    /// Wakes the event loop on SIGWINCH, after whatever handler is installed now (ncurses'
    /// own, installed by `newterm`, which notes the new size for its KEY_RESIZE) has run.
    /// Without it a resize waits for the next tick: the signal may land on any thread, and
    /// the loop's poll just restarts on EINTR.
    public static func relayResizes() {
        guard !resizeRelayed else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let previous = previousResizeAction.pointee
            if previous.sa_flags & SA_SIGINFO == 0, let handler = previous.__sigaction_handler.sa_handler {
                let raw = unsafeBitCast(handler, to: Int.self)
                if raw != 0, raw != 1 { handler(signal) }  // neither SIG_DFL nor SIG_IGN
            }
            var byte = WakePipe.wakeByte  // a wake-up, not a signal the loop would leave on
            _ = write(relayFD, &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        if sigaction(SIGWINCH, &action, previousResizeAction) == 0 { resizeRelayed = true }
    }

    /// Remembers the tty settings from before the screen, for `emergencyRestore`.
    static func saveTerminalSettings() {
        hasSavedTermios = tcgetattr(STDIN_FILENO, &savedTermios) == 0
    }

    static func setScreenActive(_ active: Bool) { screenActive = active ? 1 : 0 }
    static var isScreenActive: Bool { screenActive != 0 }
    /// Whether the user's title sits on the terminal's title stack, to be popped on a crash too.
    static func setTitlePushed(_ pushed: Bool) { titlePushed = pushed ? 1 : 0 }

    /// Async-signal-safe: only tcsetattr and write.
    static func emergencyRestore() {
        guard screenActive != 0 else { return }
        screenActive = 0
        if hasSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios) }
        // Attributes off, mouse reporting off, cursor visible, leave the alternate screen.
        let reset: StaticString = "\u{1B}[0m\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?25h\u{1B}[?1049l\r\n"
        _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
        if titlePushed != 0 {
            let pop: StaticString = "\u{1B}[23;0t"
            _ = write(STDOUT_FILENO, pop.utf8Start, pop.utf8CodeUnitCount)
        }
    }
}

// Globals read by signal handlers, which cannot capture context.
nonisolated(unsafe) private var relayFD: Int32 = -1
nonisolated(unsafe) private var savedTermios = termios()
nonisolated(unsafe) private var hasSavedTermios = false
nonisolated(unsafe) private var screenActive: sig_atomic_t = 0
nonisolated(unsafe) private var titlePushed: sig_atomic_t = 0
nonisolated(unsafe) private var resizeRelayed = false
nonisolated(unsafe) private let previousResizeAction: UnsafeMutablePointer<sigaction> = {
    let action = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
    action.initialize(to: sigaction())
    return action
}()
// Allocated at install time (globals initialise lazily, which a handler must not trigger).
// Kept for what installed them; vmtui's own handler no longer hands over to them.
nonisolated(unsafe) private let previousFatalActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    actions.initialize(repeating: sigaction(), count: 65)
    return actions
}()
