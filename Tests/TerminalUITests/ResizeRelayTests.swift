import Glibc
import TerminalUI
import XCTest

/// SIGWINCH wakes the event loop at once (after ncurses' own handler has noted the size),
/// instead of waiting for the next tick; it is not a signal the loop leaves on.
final class ResizeRelayTests: XCTestCase {
    func testResizeRunsTheHandlerBeforeAndWakesTheLoop() throws {
        // Stands in for the handler ncurses installs in newterm.
        resizeNoted = 0
        signal(SIGWINCH) { _ in resizeNoted += 1 }
        defer { signal(SIGWINCH, SIG_DFL) }
        let pipe = try WakePipe()
        SignalRelay.install(relayingTo: pipe)
        SignalRelay.relayResizes()
        defer { SignalRelay.uninstall() }

        raise(SIGWINCH)

        XCTAssertEqual(resizeNoted, 1, "ncurses' handler still runs")
        var readable = [pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)]
        XCTAssertEqual(poll(&readable, 1, 0), 1, "the loop's wake pipe has a byte")
        XCTAssertEqual(pipe.drain(), [], "a wake-up, not a signal to leave on")
    }
}

nonisolated(unsafe) private var resizeNoted: sig_atomic_t = 0
