import AppCore
import Synchronization
import TerminalUI

/// Where effect results wait for the event loop: any thread posts, the loop takes them all
/// at once; each post wakes the loop through the wake pipe.
final class EventInbox: Sendable {
    private let pending = Mutex<[AppEvent]>([])
    private let pipe: WakePipe

    init(pipe: WakePipe) { self.pipe = pipe }

    func post(_ event: AppEvent) {
        pending.withLock { $0.append(event) }
        pipe.wake()
    }

    func takeAll() -> [AppEvent] {
        pending.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
