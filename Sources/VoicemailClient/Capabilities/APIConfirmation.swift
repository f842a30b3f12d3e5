import Foundation
import Synchronization
import VoicemailModel

/// Whether an answer has shown that the server URL is a voicemail API. Until one has, no
/// change is sent: a web server that is not a PBX (a wrong --server) must never receive a
/// DELETE or a PUT, and every command must say "no voicemail API" rather than something else.
final class APIConfirmation: Sendable {
    private let confirmed = Mutex(false)

    var isConfirmed: Bool { confirmed.withLock { $0 } }

    func confirm() { confirmed.withLock { $0 = true } }
}

extension VoicemailClient {
    /// Reads before the first write when nothing read so far has shown a voicemail API: the
    /// capability probe (auto), else one message of the caller's own list. Throws
    /// `.noVoicemailAPI` when the answer is not this API's.
    func confirmVoicemailAPI() async throws(VoicemailError) {
        if apiConfirmation.isConfirmed { return }
        do {
            _ = try await learnedAPI()
        } catch {
            throw VoicemailError(error)
        }
        if apiConfirmation.isConfirmed { return }
        try await confirmByListing()
    }

    /// `GET /api/v1/VoiceMail?count=1` of one's own mailbox, the documented call every
    /// flavor has: an answer in this API's envelope confirms it.
    func confirmByListing() async throws(VoicemailError) {
        var call = APICall(
            path: APIPath.voiceMail, query: [("start", "0"), ("count", "1")], mailbox: nil, resource: "your mailbox")
        call.revealsAPI = true
        _ = try decode(Page<LocatedMessage>.self, from: try await send(call), expected: "a page of messages")
    }
}
