import FoundationEssentials
import SystemBasics
import VoicemailBackend

/// Runs blocking libcurl transfers on their own threads so callers (the TUI's event loop,
/// Swift's cooperative pool) never block; task cancellation aborts the transfer.
enum TransferRunner {
    static func run(_ request: TransferRequest) async throws(VoicemailError) -> TransferResponse {
        if Task.isCancelled { throw .cancelled }
        let flag = CancellationFlag()
        let result: Result<TransferResponse, VoicemailError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DetachedThread.start(name: "vmtui-http") {
                    do throws(VoicemailError) {
                        continuation.resume(returning: .success(try CurlTransfer.perform(request, cancellation: flag)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
            }
        } onCancel: {
            flag.cancel()
        }
        return try result.get()
    }
}
