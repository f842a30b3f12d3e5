import AppCore
import Synchronization

/// A user-side problem found before any request (bad folder, existing file).
struct LocalProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The requests the player's and recorder's reports belong to: the controllers' callbacks
/// are made before the runner exists, so they share these with it.
final class AudioTags: Sendable {
    /// The playback request the player's state changes belong to.
    let playback = Mutex<RequestID?>(nil)
    /// The playback whose message turned out to be gone from the server (deleted elsewhere).
    let gone = Mutex<RequestID?>(nil)
    /// The recording request the recorder's state changes belong to, and whether it is
    /// being discarded (its "finished" must not start an upload).
    let recording = Mutex<(id: RequestID?, discarding: Bool)>((nil, false))
}

/// The event loop's inbox, known once the loop exists.
final class EventSink: Sendable {
    private let post = Mutex<(@Sendable (AppEvent) -> Void)?>(nil)

    func set(_ post: @escaping @Sendable (AppEvent) -> Void) { self.post.withLock { $0 = post } }

    func post(_ event: AppEvent) {
        let target = post.withLock { $0 }
        target?(event)
    }
}

/// Transfer progress at most every 1 % (and at the end), so a fast transfer does not flood
/// the event loop with redraws.
final class ProgressThrottle: Sendable {
    private let sink: EventSink
    /// The feature's progress event (a save's, an upload's) for bytes so far and the total.
    private let event: @Sendable (Int64, Int64?) -> AppEvent
    private let last = Mutex<Int64>(-1)

    init(sink: EventSink, event: @escaping @Sendable (Int64, Int64?) -> AppEvent) {
        self.sink = sink
        self.event = event
    }

    func report(bytes: Int64, total: Int64?) {
        let step = max(16 * 1024, (total ?? 0) / 100)
        let due = last.withLock { last in
            guard bytes - last >= step || bytes == total else { return false }
            last = bytes
            return true
        }
        if due { sink.post(event(bytes, total)) }
    }
}
