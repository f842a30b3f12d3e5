import AppCore
import Foundation
import Glibc
import Logging
import TerminalUI
import VMTUIRuntime
import VoicemailModel
import XCTest

final class ScreenLoopTests: XCTestCase {
    private static func message(_ id: String, folder: Folder, caller: String) -> VoicemailMessage {
        VoicemailMessage(
            id: id, mailbox: "101", folder: folder, callerName: caller, callerNumber: "102",
            date: Date(timeIntervalSince1970: 1_790_000_000), duration: 12)
    }

    private let runner = FakeEffectRunner { folder in
        switch folder {
        case .inbox: [ScreenLoopTests.message("1-1", folder: .inbox, caller: "Inbox Caller")]
        case .old: [ScreenLoopTests.message("2-1", folder: .old, caller: "Archived Caller")]
        default: []
        }
    }

    /// Runs the loop on a named thread, as `ScreenSession` does; returns how it ended.
    private var loopThread: UInt = 0

    private func startLoop(_ terminal: FakeTerminal, pipe: WakePipe) -> (ScreenLoop, XCTestExpectation, () -> LoopExit?) {
        let loop = ScreenLoop(
            config: AppConfig(server: "pbx.test", user: "101", timeZone: TimeZone(identifier: "UTC")!),
            terminal: terminal, runner: runner, pipe: pipe, logger: Logger(label: "test"), tickInterval: 0.2)
        let finished = expectation(description: "loop ended")
        nonisolated(unsafe) var exit: LoopExit?
        nonisolated(unsafe) let running = loop
        let started = expectation(description: "loop thread started")
        nonisolated(unsafe) var threadID: UInt = 0
        let thread = Thread {
            threadID = UInt(pthread_self())
            started.fulfill()
            exit = running.run()
            finished.fulfill()
        }
        thread.name = "ui-loop"
        thread.start()
        wait(for: [started], timeout: 20)
        loopThread = threadID
        return (loop, finished, { exit })
    }

    private func waitUntil(_ what: String, timeout: TimeInterval = 20, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what)")
                return
            }
            usleep(10_000)
        }
    }

    func testEffectsRunOffTheUIThreadAndResultsReachTheScreen() throws {
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, exit) = startLoop(terminal, pipe: pipe)
        waitUntil("inbox on screen") { terminal.lastScreen.contains("Inbox Caller") }
        XCTAssertFalse(runner.threads.isEmpty)
        XCTAssertFalse(runner.threads.contains(loopThread), "an effect ran on the UI thread")
        XCTAssertEqual(terminal.drawThreads.withLock { $0 }, [loopThread], "drawn only from the UI thread")
        terminal.type("q")
        wait(for: [finished], timeout: 20)
        XCTAssertEqual(exit(), .quit)
    }

    func testAHungUpTerminalEndsTheLoopAsSIGHUPWould() throws {
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, exit) = startLoop(terminal, pipe: pipe)
        waitUntil("inbox on screen") { terminal.lastScreen.contains("Inbox Caller") }
        terminal.hangUp()
        wait(for: [finished], timeout: 20)
        XCTAssertEqual(exit(), .signal(SIGHUP), "left instead of polling a closed terminal forever")
    }

    func testTheUIStaysResponsiveWhileAnEffectHangs() throws {
        runner.hold(.inbox)
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, exit) = startLoop(terminal, pipe: pipe)
        waitUntil("the old folder on screen") {
            terminal.type("1")
            return terminal.lastScreen.contains("Archived Caller")
        }
        terminal.type("q")
        wait(for: [finished], timeout: 20)
        XCTAssertEqual(exit(), .quit)
        runner.release(.inbox)
    }

    func testStaleFolderResultsAreIgnored() throws {
        runner.hold(.inbox)
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, _) = startLoop(terminal, pipe: pipe)
        terminal.type("1")
        waitUntil("the old folder on screen") { terminal.lastScreen.contains("Archived Caller") }
        let framesBefore = terminal.frameCount
        runner.release(.inbox)
        // The late inbox answer wakes the loop and is drawn over; it must not replace the list.
        waitUntil("the late answer processed") { terminal.frameCount > framesBefore }
        XCTAssertTrue(terminal.lastScreen.contains("Archived Caller"))
        XCTAssertFalse(terminal.lastScreen.contains("Inbox Caller"))
        terminal.type("q")
        wait(for: [finished], timeout: 20)
    }

    func testTerminatingSignalsEndTheLoopWithTheirNumber() throws {
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, exit) = startLoop(terminal, pipe: pipe)
        waitUntil("first frame") { terminal.frameCount > 0 }
        var byte = UInt8(SIGTERM)
        _ = write(pipe.writeFD, &byte, 1)
        wait(for: [finished], timeout: 20)
        XCTAssertEqual(exit(), .signal(SIGTERM))
    }

    func testSuspendAndRedrawReachTheTerminal() throws {
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (_, finished, _) = startLoop(terminal, pipe: pipe)
        waitUntil("first frame") { terminal.frameCount > 0 }
        var byte = UInt8(SIGTSTP)
        _ = write(pipe.writeFD, &byte, 1)
        terminal.type([.key(.control("l"))])
        waitUntil("suspend and Ctrl-L handled") { terminal.suspensions == 1 && terminal.invalidations >= 1 }
        terminal.type("q")
        wait(for: [finished], timeout: 20)
    }

    /// A folder switch supersedes the load under way: its task is cancelled (aborting the
    /// transfer), not left to answer into the void.
    func testASupersededFolderLoadIsCancelled() throws {
        runner.hold(.inbox)
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (loop, finished, _) = startLoop(terminal, pipe: pipe)
        waitUntil("the inbox load started") {
            runner.effects.contains { if case .list(.loadFolder(_, _, .inbox, _)) = $0 { true } else { false } }
        }
        terminal.type("1")
        waitUntil("the old folder on screen") { terminal.lastScreen.contains("Archived Caller") }
        waitUntil("the inbox load cancelled") { runner.cancelled == [.inbox] }
        waitUntil("its task gone") { loop.runningEffects == 0 }
        XCTAssertFalse(terminal.lastScreen.contains("Inbox Caller"))
        terminal.type("q")
        wait(for: [finished], timeout: 20)
        runner.release(.inbox)
    }

    func testQuitCancelsRunningEffects() throws {
        runner.hold(.inbox)
        let terminal = FakeTerminal()
        let pipe = try WakePipe()
        let (loop, finished, exit) = startLoop(terminal, pipe: pipe)
        waitUntil("the inbox load started") {
            runner.effects.contains { if case .list(.loadFolder) = $0 { true } else { false } }
        }
        terminal.type("q")
        wait(for: [finished], timeout: 20)
        XCTAssertEqual(exit(), .quit)
        runner.release(.inbox)
        waitUntil("cancelled tasks gone") { loop.runningEffects == 0 }
    }

    /// The first loads leave before the terminal exists (their round trips overlap ncurses'
    /// start-up), and the loop that adopts them shows their answers.
    func testFirstLoadsStartBeforeTheTerminalAndReachTheScreen() throws {
        let pipe = try WakePipe()
        let config = AppConfig(server: "pbx.test", user: "101", timeZone: TimeZone(identifier: "UTC")!)
        let start = EarlyStart(config: config, runner: runner, pipe: pipe, logger: Logger(label: "test"))
        waitUntil("the inbox load started without a terminal") {
            runner.effects.contains { if case .list(.loadFolder(_, _, .inbox, _)) = $0 { true } else { false } }
        }
        let terminal = FakeTerminal()
        let loop = ScreenLoop(start: start, terminal: terminal, runner: runner, pipe: pipe, logger: Logger(label: "test"))
        let finished = expectation(description: "loop ended")
        nonisolated(unsafe) let running = loop
        Thread {
            _ = running.run()
            finished.fulfill()
        }.start()
        waitUntil("inbox on screen") { terminal.lastScreen.contains("Inbox Caller") }
        XCTAssertEqual(runner.effects.filter { if case .list(.loadFolder) = $0 { true } else { false } }.count, 1,
                       "the loop did not ask again")
        terminal.type("q")
        wait(for: [finished], timeout: 20)
    }
}
