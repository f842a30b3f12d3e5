import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension VoicemailClient {
    /// Statuses that mean "this server has no such call" to a read-only probe.
    static let absentStatuses: Set<Int> = [400, 404, 405, 501]

    /// What this server can do. `api = "auto"` learns it by read-only calls, once per session:
    /// a GET of the Mailboxes call tells a server that speaks the vmtui contract from one that
    /// speaks only the documented Wildix calls (404/405: absent); only then a GET of the
    /// greetings tells whether greetings exist. Nothing is ever written to find out.
    public func capabilities() async throws -> BackendCapabilities {
        try await learnedAPI().capabilities
    }

    func learnedAPI() async throws -> LearnedAPI {
        try await capabilityStore.value { [self] in try await probeAPI() }
    }

    /// Throws `.unsupported` before anything is sent when the server lacks `capability`.
    func require(_ capability: BackendCapability) async throws {
        try await capabilities().require(capability)
    }

    private func probeAPI() async throws(VoicemailError) -> LearnedAPI {
        let host = configuration.serverURL.host ?? configuration.serverURL.absoluteString
        switch configuration.api {
        case .vmtui:
            return LearnedAPI(flavor: .vmtui, capabilities: Self.named(.everything, "\(host) (vmtui API)"))
        case .wildix:
            return LearnedAPI(flavor: .wildix, capabilities: Self.named(.wildixDocumented, "\(host) (Wildix API)"))
        case .auto, .wazo, .kazoo:
            // (Wazo and Kazoo have backends of their own; a VoicemailClient told so probes.)
            break
        }
        guard try await callExists(APICall(path: APIPath.mailboxes, resource: "the mailbox list"), as: Page<MailboxSummary>.self)
        else {
            // No Mailboxes call: a Wildix PBX, or no voicemail API at all (a web server that
            // is not a PBX), which every command must say rather than "cannot list mailboxes".
            if !apiConfirmation.isConfirmed { try await confirmByListing() }
            logger.info("no Mailboxes call: speaking only the documented Wildix calls")
            return LearnedAPI(flavor: .wildix, capabilities: Self.named(.wildixDocumented, "\(host) (Wildix API)"))
        }
        var supported = Set(BackendCapability.allCases)
        let hasGreetings = try await callExists(
            APICall(path: APIPath.greetings, resource: "greetings"), as: Page<GreetingInfo>.self)
        if !hasGreetings {
            supported.subtract([.greetings, .greetingUpload, .greetingCopy])
        }
        logger.info("vmtui API found; capabilities: \(supported.map(\.rawValue).sorted())")
        return LearnedAPI(
            flavor: .vmtui,
            capabilities: BackendCapabilities(
                supported: supported, greetingTypes: GreetingType.allCases, name: "\(host) (vmtui API)"))
    }

    /// A GET that answers whether the call exists: 2xx with this API's answer (or a refusal
    /// that shows the call is there: 403) is yes; 400/404/405/501, or a 2xx that is not
    /// this API's answer, is no; anything else (bad credentials, network) is thrown.
    private func callExists<T: Codable & Sendable>(_ call: APICall, as type: T.Type) async throws(VoicemailError) -> Bool {
        var call = call
        call.passThrough = Self.absentStatuses.union([403])
        let response = try await send(call)
        if Self.absentStatuses.contains(response.status) { return false }
        let answers = response.status == 403
            ? Self.isAPIEnvelope(response.body)
            : (try? JSONDecoder().decode(ResultEnvelope<T>.self, from: response.body)) != nil
        if answers { apiConfirmation.confirm() }
        return answers
    }

    private static func named(_ capabilities: BackendCapabilities, _ name: String) -> BackendCapabilities {
        var named = capabilities
        named.name = name
        return named
    }
}
