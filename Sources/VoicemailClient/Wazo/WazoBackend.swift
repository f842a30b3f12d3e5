import DisplayText
import FoundationEssentials
import Logging
import VoicemailBackend
import VoicemailModel

/// Wazo Platform's voicemail over wazo-calld's REST API (`/users/me/voicemails…`), with a
/// token from wazo-auth in `X-Auth-Token`. Messages keep Wazo's own ids (Asterisk's msg_id).
/// The user's personal voicemail is their own mailbox, named by Wazo's voicemail id; the
/// `global` voicemails the user may read are the shared mailboxes.
public final class WazoBackend: VoicemailBackend {
    let rest: RESTTransport
    let tokens: WazoTokens
    let listing = LocalListing()
    private let own = LearnedOnce<OwnVoicemail>()
    private let pins = SessionPINs()

    /// Messages asked per page of the global voicemails' list (`limit`).
    let pageSize: Int

    /// Asked of wazo-auth for each token (seconds); the token is renewed before it runs out.
    static let tokenLifetime = 3600

    struct OwnVoicemail: Sendable {
        var id: String
        var number: String
        var name: String
    }

    public init(configuration: ClientConfiguration, logger: Logger? = nil, pageSize: Int = 500) {
        self.pageSize = max(1, pageSize)
        let logger = logger ?? Logger(label: "vmtui.wazo", factory: { _ in SwiftLogNoOpLogHandler() })
        rest = RESTTransport(configuration: configuration, logger: logger)
        if case .bearer(let token) = configuration.credentials {
            tokens = WazoTokens(ready: token)
        } else {
            tokens = WazoTokens(ready: nil)
        }
        CurlRuntime.prepare()
    }

    var host: String { rest.configuration.serverURL.host ?? rest.configuration.serverURL.absoluteString }

    // MARK: Sending

    struct Call: Sendable {
        var method = "GET"
        var path: String
        var query: [(String, String)] = []
        var body: TransferBody = .none
        var accept = "application/json"
        var resource: String
        var mailbox: String?
        /// Statuses handed back instead of thrown (HEAD of a greeting: 404 means absent).
        var passThrough: Set<Int> = []
    }

    /// Sends with the current token; a 401 with a token this session obtained logs in again
    /// once and retries, so an expired token never reaches the user.
    func send(_ call: Call, sink: TransferSink? = nil, isAudio: Bool = false, progress: ProgressHandler? = nil)
        async throws -> TransferResponse
    {
        var retried = false
        while true {
            let token = try await tokens.current { [self] in try await login() }
            var request = RESTTransport.Call(
                method: call.method, url: rest.url(call.path, query: call.query),
                headers: ["X-Auth-Token: \(token)", "Accept: \(call.accept)"], body: call.body, isAudio: isAudio,
                progress: progress, progressIsUpload: call.method != "GET")
            if let sink { request.sink = sink }
            let response = try await rest.exchange(request)
            if response.status == 401, !retried, canLogIn {
                rest.logger.info("Wazo refused the token (expired?): logging in again")
                await tokens.refused(token)
                retried = true
                continue
            }
            if (200..<300).contains(response.status) || call.passThrough.contains(response.status) { return response }
            throw VendorError.map(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase,
                mailbox: call.mailbox, resource: call.resource)
        }
    }

    var canLogIn: Bool {
        if case .bearer = rest.configuration.credentials { return false }
        return true
    }

    /// `POST /api/auth/0.1/token` with HTTP Basic and `{"expiration": …}`: the token and its
    /// lifetime.
    func login() async throws -> (token: String, seconds: Int) {
        let (user, password): (String, String)
        switch rest.configuration.credentials {
        case .session(let name, let secret), .basic(let name, let secret): (user, password) = (name, secret)
        case .bearer: throw VoicemailError.unauthorized(reason: "the token in VMTUI_TOKEN was refused")
        }
        let basic = Data("\(user):\(password)".utf8).base64EncodedString()
        let response = try await rest.exchange(
            RESTTransport.Call(
                method: "POST", url: rest.url(WazoPaths.token),
                headers: ["Authorization: Basic \(basic)", "Accept: application/json"],
                body: RESTTransport.json(["expiration": Self.tokenLifetime])))
        guard (200..<300).contains(response.status) else {
            throw VendorError.map(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase, mailbox: nil,
                resource: "wazo-auth")
        }
        guard let data = RESTTransport.object(response.body)?["data"] as? [String: Any],
            let token = JSONValue.text(data["token"])
        else {
            throw VoicemailError.malformedResponse(
                expected: "a wazo-auth token", detail: DecodingDetail.describe(DecodingDetail.WrongShape(), body: response.body))
        }
        rest.logger.info("logged in to Wazo as \(user)")
        return (token, Self.tokenLifetime)
    }

    /// Revokes the tokens this session obtained (`DELETE /api/auth/0.1/token/{token}`); a
    /// ready token from VMTUI_TOKEN is the user's and stays valid.
    public func close() async {
        for token in await tokens.takeCreated() {
            _ = try? await rest.exchange(
                RESTTransport.Call(method: "DELETE", url: rest.url(WazoPaths.token(token)), headers: ["X-Auth-Token: \(token)"]))
        }
    }

    // MARK: Capabilities and account

    public func capabilities() async throws -> BackendCapabilities {
        BackendCapabilities(
            supported: [.markUnread, .move, .greetings, .greetingUpload, .greetingCopy, .mailboxList, .sharedMailboxes],
            greetingTypes: Self.greetingTypes, folders: Folder.allCases + [.urgent], name: "\(host) (Wazo)")
    }

    public func whoAmI() async throws -> AccountInfo? {
        let mine = try await ownVoicemail()
        return AccountInfo(extension: mine.number, name: mine.name)
    }

    /// The user's personal voicemail (`GET /users/me/voicemails`), learned once.
    func ownVoicemail() async throws -> OwnVoicemail {
        try await own.get { [self] in try await Self.ownVoicemail(in: personalVoicemail(learning: false)) }
    }

    static func ownVoicemail(in object: [String: Any]) -> OwnVoicemail {
        let id = JSONValue.string(object["id"]) ?? ""
        return OwnVoicemail(id: id, number: JSONValue.text(object["number"]) ?? id, name: JSONValue.text(object["name"]) ?? id)
    }

    /// The whole personal voicemail with its folders and their messages.
    func personalVoicemail(learning: Bool = true) async throws -> [String: Any] {
        let response = try await send(Call(path: WazoPaths.calld, resource: "your voicemail"))
        guard let object = RESTTransport.object(response.body), JSONValue.string(object["id"]) != nil else {
            throw VoicemailError.malformedResponse(
                expected: "a Wazo voicemail", detail: DecodingDetail.describe(DecodingDetail.WrongShape(), body: response.body))
        }
        if learning { await own.set(Self.ownVoicemail(in: object)) }
        return object
    }

    /// nil for the user's own voicemail, else the shared (global) voicemail's id.
    func sharedID(_ mailbox: String?) async throws -> String? {
        guard let mailbox else { return nil }
        let mine = try await ownVoicemail()
        return mailbox == mine.id || mailbox == mine.number ? nil : mailbox
    }

    public func setPIN(_ pin: String?, forMailbox mailbox: String) { pins.set(pin, for: mailbox) }
    public func pin(forMailbox mailbox: String) -> String? { pins[mailbox] }
}
