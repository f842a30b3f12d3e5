import AppCore
import Synchronization

/// The effects still running, so leaving the screen can cancel them. Each task removes
/// itself when done.
final class EffectTasks: Sendable {
    private let running = Mutex<(next: Int, tasks: [Int: Task<Void, Never>])>((0, [:]))

    func start(_ effect: Effect, runner: EffectRunner, inbox: EventInbox) {
        running.withLock { table in
            let number = table.next
            table.next += 1
            table.tasks[number] = Task.detached { [self] in
                let event = await runner.run(effect)
                if !Task.isCancelled, let event { inbox.post(event) }
                finished(number)
            }
        }
    }

    var count: Int { running.withLock { $0.tasks.count } }

    func cancelAll() {
        let tasks = running.withLock { table in
            defer { table.tasks.removeAll() }
            return Array(table.tasks.values)
        }
        for task in tasks { task.cancel() }
    }

    private func finished(_ number: Int) {
        _ = running.withLock { $0.tasks.removeValue(forKey: number) }
    }
}
