import AppCore
import Foundation
import Glibc
import Synchronization
import TerminalUI

/// A terminal that takes scripted input through a real pipe (so the loop polls as it does
/// on a tty) and records every frame it is asked to draw.
final class FakeTerminal: TerminalDevice, @unchecked Sendable {
    private let queued = Mutex<[InputEvent]>([])
    private let frames = Mutex<[Frame]>([])
    private let readFD: Int32
    private let writeFD: Mutex<Int32>
    let size: TerminalSize
    let drawThreads = Mutex<Set<UInt>>([])
    private(set) var invalidations = 0
    private(set) var suspensions = 0

    init(width: Int = 100, height: Int = 30) {
        size = TerminalSize(width: width, height: height)
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0)
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        readFD = fds[0]
        writeFD = Mutex(fds[1])
    }

    deinit {
        close(readFD)
        hangUp()
    }

    /// Closes the input's far end, as a terminal that goes away does.
    func hangUp() {
        writeFD.withLock { fd in
            if fd >= 0 { close(fd) }
            fd = -1
        }
    }

    var inputFileDescriptor: Int32? { readFD }

    /// Types keys as if from the keyboard.
    func type(_ events: [InputEvent]) {
        queued.withLock { $0 += events }
        var byte: UInt8 = 1
        writeFD.withLock { fd in _ = write(fd, &byte, 1) }
    }

    func type(_ text: String) { type(text.map { .key(.character($0)) }) }

    func draw(_ frame: Frame) {
        frames.withLock { $0.append(frame) }
        drawThreads.withLock { _ = $0.insert(UInt(pthread_self())) }
    }

    var lastScreen: String { frames.withLock { $0.last?.grid.text() ?? "" } }
    var frameCount: Int { frames.withLock { $0.count } }

    func invalidate() { invalidations += 1 }

    func readAvailableInput() -> [InputEvent] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, 64) > 0 {}
        return queued.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }

    func suspend() { suspensions += 1 }
    func stop() {}
}
