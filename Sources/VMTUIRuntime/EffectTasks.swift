import AppCore
import Synchronization

/// The effects still running, so a superseded request can be cancelled (which aborts its
/// transfer) and leaving the screen can cancel them all. Each task removes itself when done.
final class EffectTasks: Sendable {
    private struct Table {
        var next = 0
        var tasks: [Int: Task<Void, Never>] = [:]
        /// Which running task answers which request.
        var byRequest: [RequestID: Int] = [:]
    }

    private let running = Mutex(Table())

    func start(_ effect: Effect, runner: EffectRunner, inbox: EventInbox) {
        runner.accept(effect)
        running.withLock { table in
            let number = table.next
            table.next += 1
            if let request = effect.requestID { table.byRequest[request] = number }
            table.tasks[number] = Task.detached { [self] in
                let event = await runner.run(effect)
                if !Task.isCancelled, let event { inbox.post(event) }
                finished(number, effect.requestID)
            }
        }
    }

    var count: Int { running.withLock { $0.tasks.count } }

    /// Cancels the task answering `request`; its answer, if any, is dropped.
    func cancel(_ request: RequestID) {
        let task = running.withLock { table in
            table.byRequest.removeValue(forKey: request).flatMap { table.tasks[$0] }
        }
        task?.cancel()
    }

    func cancelAll() {
        let tasks = running.withLock { table in
            defer {
                table.tasks.removeAll()
                table.byRequest.removeAll()
            }
            return Array(table.tasks.values)
        }
        for task in tasks { task.cancel() }
    }

    private func finished(_ number: Int, _ request: RequestID?) {
        running.withLock { table in
            table.tasks.removeValue(forKey: number)
            if let request, table.byRequest[request] == number { table.byRequest.removeValue(forKey: request) }
        }
    }
}
