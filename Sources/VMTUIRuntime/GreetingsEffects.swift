import AppCore
import AudioPlayback
import FoundationEssentials
import VoicemailModel

/// The greetings calls (load, upload, reset, copy) and the recorder.
extension AudioEffectRunner {
    public func run(_ effect: GreetingsEffect) async -> AppEvent? {
        switch effect {
        case .load(let id, let mailbox):
            return .greetings(.loaded(id, await attempt("greetings") {
                try await self.client.greetings(mailbox: Self.mailbox(mailbox))
            }))
        case .upload(let id, let mailbox, let type, let path, let isRecording):
            return .greetings(.uploaded(id, await attempt("greeting upload") {
                try await self.upload(id, mailbox, type, path, isRecording: isRecording)
            }))
        case .reset(let id, let mailbox, let type):
            return .greetings(.wasReset(id, await attempt("greeting reset") {
                try await self.client.resetGreeting(type, mailbox: Self.mailbox(mailbox))
            }))
        case .copy(let id, let mailbox, let source, let destination):
            return .greetings(.copied(id, await attempt("greeting copy") {
                try await self.client.copyGreeting(source, to: destination, mailbox: Self.mailbox(mailbox))
            }))
        case .startRecording(let id):
            await startRecording(id)
            return nil
        case .stopRecording:
            await recorder.stop()
            return nil
        case .cancelRecording:
            tags.recording.withLock { $0.discarding = true }
            await recorder.cancel()
            return nil
        }
    }

    private func startRecording(_ id: RequestID) async {
        await player.stop()
        guard !closed.withLock({ $0 }) else { return }
        tags.recording.withLock { $0 = (id, false) }
        do {
            let template = try recorder.resolveRecorder()
            sink.post(.greetings(.recording(id, .started(recorder: template.programName))))
            try await recorder.start()
        } catch {
            tags.recording.withLock { $0 = (nil, false) }
            sink.post(.greetings(.recording(id, .failed(Self.oneLine(error)))))
        }
    }

    // MARK: Uploading

    private func upload(
        _ id: RequestID, _ mailbox: String?, _ type: GreetingType, _ path: String, isRecording: Bool
    ) async throws -> GreetingUpload {
        let url = URL(fileURLWithPath: Self.expand(path, environment: environment))
        defer { if isRecording { PrivateTempStore.shared.remove(url) } }
        let prepared = try await AudioInspector(environment: environment).prepareForUpload(url)
        defer { prepared.discard() }
        let progress = ProgressThrottle(sink: sink) { .greetings(.uploadProgress(id, bytes: $0, total: $1)) }
        let greeting = try await client.uploadGreeting(type, mailbox: Self.mailbox(mailbox), from: prepared.url) {
            progress.report(bytes: $0.bytes, total: $0.total)
        }
        return GreetingUpload(greeting: greeting, note: prepared.note)
    }
}
