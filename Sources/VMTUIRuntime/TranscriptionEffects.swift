import AppCore
import Synchronization
import VoicemailBackend
import VoicemailModel

/// The screen's local transcription: the cache answers at once; otherwise, after the rest the
/// app asks for, the command runs (one run at a time across the session, the next waiting
/// its turn), reporting `.started` so the details pane can say "transcribing…".
public final class TranscriptionRunner: Sendable {
    let transcriber: LocalTranscriber
    let turn = OneAtATime()

    public init(transcriber: LocalTranscriber) { self.transcriber = transcriber }

    /// Nil when cancelled (a newer selection made the request moot, or the screen closed).
    func run(
        _ effect: TranscriptionEffect, backend: any VoicemailBackend, post: @escaping @Sendable (AppEvent) -> Void
    ) async -> TranscriptionEvent? {
        switch effect {
        case .transcribe(let id, let message, let after):
            if let cached = transcriber.cache.read(message) { return .finished(id, .success(cached)) }
            do { try await Task.sleep(for: after) } catch { return nil }
            guard await turn.acquire() else { return nil }
            defer { turn.release() }
            guard !Task.isCancelled else { return nil }
            post(.transcription(.started(id)))
            do {
                return .finished(id, .success(try await transcriber.transcript(of: message, backend: backend)))
            } catch is CancellationError {
                return nil
            } catch let error as TranscribeError {
                return .finished(id, .failure(AppError(.other, error.message)))
            } catch let error as VoicemailError {
                return .finished(id, .failure(ClientEffectRunner.appError(error)))
            } catch {
                return .finished(id, .failure(AppError(.other, "\(error)")))
            }
        }
    }
}

extension ClientEffectRunner {
    func run(_ effect: TranscriptionEffect) async -> AppEvent? {
        guard let transcription else {
            return .transcription(.finished(effect.requestID, .failure(AppError(.other, "no transcribe_command in the config"))))
        }
        let sink = outbox
        return await transcription.run(effect, backend: client) { sink.post($0) }.map(AppEvent.transcription)
    }
}

/// A turn that one task holds at a time; the others wait in order, and a waiter that is
/// cancelled leaves the line without ever holding the turn.
final class OneAtATime: Sendable {
    private struct Line {
        var busy = false
        var nextTicket = 0
        var waiting: [(ticket: Int, resume: CheckedContinuation<Bool, Never>)] = []
    }

    private let line = Mutex(Line())

    /// True once the turn is this task's (release it); false when cancelled while waiting.
    func acquire() async -> Bool {
        let ticket = line.withLock { line in
            line.nextTicket += 1
            return line.nextTicket
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Under the lock: a cancellation either came before (the flag is set before
                // the handler runs) or finds this ticket in the line.
                let now: Bool? = line.withLock { line in
                    if Task.isCancelled { return false }
                    if !line.busy {
                        line.busy = true
                        return true
                    }
                    line.waiting.append((ticket, continuation))
                    return nil
                }
                if let now { continuation.resume(returning: now) }
            }
        } onCancel: {
            let left = line.withLock { line -> CheckedContinuation<Bool, Never>? in
                guard let index = line.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
                return line.waiting.remove(at: index).resume
            }
            left?.resume(returning: false)
        }
    }

    func release() {
        let next = line.withLock { line -> CheckedContinuation<Bool, Never>? in
            guard !line.waiting.isEmpty else {
                line.busy = false
                return nil
            }
            return line.waiting.removeFirst().resume
        }
        next?.resume(returning: true)
    }
}
