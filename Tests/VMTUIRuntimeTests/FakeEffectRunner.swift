import AppCore
import Foundation
import Glibc
import Synchronization
import VMTUIRuntime
import VoicemailModel

/// Answers effects from canned data, remembering on which threads it ran; folder loads of
/// a folder can be held until the test releases them.
final class FakeEffectRunner: EffectRunner {
    struct State {
        var effects: [Effect] = []
        var threads: Set<UInt> = []
        var held: Set<Folder> = []
        var waiting: [Folder: [CheckedContinuation<Void, Never>]] = [:]
        /// Held folder loads whose task was cancelled while they waited.
        var cancelled: [Folder] = []
    }

    let state = Mutex(State())
    let messages: @Sendable (Folder) -> [VoicemailMessage]

    init(messages: @escaping @Sendable (Folder) -> [VoicemailMessage]) {
        self.messages = messages
    }

    func hold(_ folder: Folder) { state.withLock { _ = $0.held.insert(folder) } }

    var cancelled: [Folder] { state.withLock { $0.cancelled } }

    func release(_ folder: Folder) {
        let waiters = state.withLock { state in
            state.held.remove(folder)
            return state.waiting.removeValue(forKey: folder) ?? []
        }
        for waiter in waiters { waiter.resume() }
    }

    var effects: [Effect] { state.withLock { $0.effects } }
    var threads: Set<UInt> { state.withLock { $0.threads } }

    func run(_ effect: Effect) async -> AppEvent? {
        state.withLock { state in
            state.effects.append(effect)
            state.threads.insert(UInt(pthread_self()))
        }
        switch effect {
        case .list(.loadMailboxes(let id)):
            return .list(.mailboxesLoaded(id, .failure(AppError(.notFound, "no mailboxes call"))))
        case .list(.loadFolder(let id, _, let folder, _)):
            // A held load ends early when its task is cancelled, as a libcurl transfer does.
            await withTaskCancellationHandler {
                await withCheckedContinuation { continuation in
                    let wait = state.withLock { state in
                        guard state.held.contains(folder), !Task.isCancelled else { return false }
                        state.waiting[folder, default: []].append(continuation)
                        return true
                    }
                    if !wait { continuation.resume() }
                }
            } onCancel: {
                let waiters = state.withLock { state in
                    state.cancelled.append(folder)
                    return state.waiting.removeValue(forKey: folder) ?? []
                }
                for waiter in waiters { waiter.resume() }
            }
            return .list(.folderLoaded(id, .success(.loaded(messages: messages(folder), etag: nil))))
        case .actions(.update(let id, _, _, _)):
            return .actions(.messagesUpdated(id, .failure(AppError(.server, "not in this test"))))
        case .actions(.delete(let id, _, _)):
            return .actions(.messagesDeleted(id, .failure(AppError(.server, "not in this test"))))
        case .actions(.forward(let id, _, _, _)):
            return .actions(.messagesForwarded(id, .failure(AppError(.server, "not in this test"))))
        default:
            return nil
        }
    }
}
