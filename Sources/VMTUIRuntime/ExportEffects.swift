import AppCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Synchronization
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// `e` on the screen: the same exporter as `vmtui export`, its progress in the status line.
extension ClientEffectRunner {
    func run(_ effect: ExportEffect) async -> ExportEvent {
        switch effect {
        case .export(let id, let messages, let directory):
            let path = AudioEffectRunner.expand(directory, environment: ProcessInfo.processInfo.environment)
            let exporter = MessageExporter(backend: client, directory: URL(fileURLWithPath: path))
            let sink = outbox
            // At most every 1 % (and the last): a fast export must not flood the loop.
            let step = max(1, messages.count / 100)
            let reported = Mutex(0)
            do {
                let summary = try await exporter.export(messages) { progress in
                    let due = reported.withLock { last in
                        guard progress.done - last >= step || progress.done == progress.total else { return false }
                        last = progress.done
                        return true
                    }
                    if due { sink.post(.export(.progress(id, done: progress.done, total: progress.total))) }
                }
                return .finished(id, .success(ExportOutcome(written: summary.written, skipped: summary.skipped, directory: directory)))
            } catch let failure as ExportFailure {
                logger.warning("export failed: \(failure.description)")
                return .finished(id, .failure(AppError(.other, failure.description)))
            } catch let error as VoicemailError {
                return .finished(id, .failure(Self.appError(error)))
            } catch {
                return .finished(id, .failure(AppError(.other, "\(error)")))
            }
        }
    }
}
