import FoundationEssentials
import Synchronization
import VoicemailBackend
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
    /// capability probe (auto), else one message of the mailbox in use. Throws
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

    /// `GET /api/v1/VoiceMail?count=1` of the mailbox in use, the documented call every flavor
    /// has: a page in this API's envelope confirms it, and so does a refusal in its words (a
    /// PIN or a permission the write will then ask for itself). Anything else throws, so no
    /// write follows: `.noVoicemailAPI` for a page or a "not found" that is not this API's.
    func confirmByListing() async throws(VoicemailError) {
        let mailbox = effectiveMailbox(nil)
        var query = [("start", "0"), ("count", "1")]
        if let mailbox { query.insert(("filter[mailbox]", mailbox), at: 0) }
        var call = APICall(path: APIPath.voiceMail, query: query, mailbox: mailbox, resource: "mailbox \(mailbox ?? "")")
        call.revealsAPI = true
        call.passThrough = Set(400..<600).subtracting([404, 405])
        let response = try await send(call)
        if (200..<300).contains(response.status) {
            _ = try decode(Page<LocatedMessage>.self, from: response, expected: "a page of messages")
            return
        }
        guard Self.isAPIEnvelope(response.body) else {
            throw VoicemailError.from(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase, mailbox: mailbox,
                resource: call.resource)
        }
        apiConfirmation.confirm()
    }
}
