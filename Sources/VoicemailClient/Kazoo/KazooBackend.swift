import DisplayText
import FoundationEssentials
import Logging
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// Kazoo's voicemail over crossbar (`/v2/accounts/{account}/vmboxes/{box}/messages…`) with
/// `X-Auth-Token`; every JSON answer is in Kazoo's envelope (`status`, `data`, `auth_token`).
/// The user's own mailbox is the vmbox whose `owner_id` is theirs; the account's other boxes
/// the token may read are the shared mailboxes. Messages keep Kazoo's `media_id`; a mailbox
/// is named by the box's `mailbox` number.
public final class KazooBackend: VoicemailBackend {
    let rest: RESTTransport
    let session = KazooSession()
    let listing = LocalListing()
    private let knownBoxes = LearnedOnce<[KazooBox]>()
    private let pins = SessionPINs()

    /// Records asked per page (crossbar's `page_size`).
    let pageSize: Int

    struct KazooBox: Sendable, Equatable {
        var id: String
        var mailbox: String
        var name: String
        var ownerID: String?
    }

    public init(configuration: ClientConfiguration, logger: Logger? = nil, pageSize: Int = 500) {
        self.pageSize = max(1, pageSize)
        let logger = logger ?? Logger(label: "vmtui.kazoo", factory: { _ in SwiftLogNoOpLogHandler() })
        rest = RESTTransport(configuration: configuration, logger: logger)
        CurlRuntime.prepare()
    }

    var host: String { rest.configuration.serverURL.host ?? rest.configuration.serverURL.absoluteString }

    // MARK: Sending

    struct Call: Sendable {
        var method = "GET"
        /// Built from the session's account id.
        var path: @Sendable (String) -> String
        var query: [(String, String)] = []
        var body: TransferBody = .none
        var accept = "application/json"
        var resource: String
        var mailbox: String?
    }

    /// Sends with the session's token; on 401 logs in again once (Kazoo has no refresh) and
    /// retries.
    func send(_ call: Call, sink: TransferSink? = nil, isAudio: Bool = false, progress: ProgressHandler? = nil)
        async throws -> TransferResponse
    {
        var retried = false
        while true {
            let identity = try await session.current { [self] in try await logIn() }
            var request = RESTTransport.Call(
                method: call.method, url: rest.url(call.path(identity.accountID), query: call.query),
                headers: ["X-Auth-Token: \(identity.token)", "Accept: \(call.accept)"], body: call.body, isAudio: isAudio,
                progress: progress, progressIsUpload: call.method != "GET")
            if let sink { request.sink = sink }
            let response = try await rest.exchange(request)
            if response.status == 401, !retried, canLogIn {
                rest.logger.info("Kazoo refused the token (expired?): logging in again")
                await session.refused(identity.token)
                retried = true
                continue
            }
            if (200..<300).contains(response.status) { return response }
            throw VendorError.map(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase,
                mailbox: call.mailbox, resource: call.resource)
        }
    }

    /// The envelope's `data`.
    func data(_ response: TransferResponse, expected: String) throws -> Any {
        guard let object = RESTTransport.object(response.body), let data = object["data"] else {
            throw VoicemailError.malformedResponse(
                expected: expected, detail: DecodingDetail.describe(DecodingDetail.WrongShape(), body: response.body))
        }
        return data
    }

    var canLogIn: Bool {
        if case .bearer = rest.configuration.credentials { return false }
        return true
    }

    /// `PUT /v2/user_auth` with the MD5 of "user:password" and the account name; or, for a
    /// ready token, `GET /v2/user_auth/{token}` to learn its account and owner.
    func logIn() async throws -> KazooIdentity {
        let response: TransferResponse
        var token: String?
        switch rest.configuration.credentials {
        case .bearer(let ready):
            token = ready
            response = try await rest.exchange(
                RESTTransport.Call(url: rest.url(KazooPaths.userAuth(ready)), headers: ["X-Auth-Token: \(ready)", "Accept: application/json"]))
        case .session(let user, let password), .basic(let user, let password):
            guard let account = rest.configuration.account, !account.isEmpty else {
                throw VoicemailError.missingCredentials("Kazoo needs the account name: --account NAME (or account in the config)")
            }
            let body: [String: Any] = [
                "data": ["credentials": MD5.hex("\(user):\(password)"), "account_name": account, "method": "md5"]
            ]
            response = try await rest.exchange(
                RESTTransport.Call(
                    method: "PUT", url: rest.url(KazooPaths.userAuth), headers: ["Accept: application/json"],
                    body: RESTTransport.json(body)))
        }
        guard (200..<300).contains(response.status) else {
            throw VendorError.map(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase, mailbox: nil, resource: "user_auth")
        }
        let object = RESTTransport.object(response.body) ?? [:]
        let data = object["data"] as? [String: Any] ?? [:]
        guard let accountID = JSONValue.text(data["account_id"]), let authToken = JSONValue.text(object["auth_token"]) ?? token
        else {
            throw VoicemailError.malformedResponse(expected: "a Kazoo auth token and account id", detail: "user_auth answered without them")
        }
        rest.logger.info("logged in to Kazoo account \(accountID)")
        return KazooIdentity(token: authToken, accountID: accountID, ownerID: JSONValue.text(data["owner_id"]))
    }

    // MARK: Capabilities and boxes

    public func capabilities() async throws -> BackendCapabilities {
        BackendCapabilities(
            supported: [.markUnread, .forward, .mailboxList, .sharedMailboxes, .greetings, .greetingUpload],
            greetingTypes: [.unavailable], folders: Folder.allCases,
            name: "\(host) (Kazoo)")
    }

    public func whoAmI() async throws -> AccountInfo? {
        let box = try await ownBox()
        return AccountInfo(extension: box.mailbox, name: rest.configuration.credentials.user ?? box.name)
    }

    /// Every page of a crossbar list: `page_size`, then `start_key` = the last answer's
    /// `next_start_key` until an answer has none.
    func allPages(_ call: Call) async throws -> [[String: Any]] {
        var records: [[String: Any]] = []
        var startKey: String?
        var seenKeys = Set<String>()
        repeat {
            var paged = call
            paged.query += [("page_size", String(pageSize))]
            if let startKey { paged.query.append(("start_key", startKey)) }
            let response = try await send(paged)
            records += try data(response, expected: call.resource) as? [[String: Any]] ?? []
            startKey = Self.startKey(RESTTransport.object(response.body)?["next_start_key"])
            // A server that hands back the same key again would page forever.
            if let key = startKey, !seenKeys.insert(key).inserted { break }
        } while startKey != nil
        return records
    }

    /// `next_start_key` as the next `start_key` parameter: a string as is, a compound key as
    /// JSON; absent, null, "" or [] means the last page.
    static func startKey(_ value: Any?) -> String? {
        switch value {
        case nil, is LooseJSON.Null: return nil
        case let text as String: return text.isEmpty ? nil : text
        case let list as [Any]:
            guard !list.isEmpty, let bytes = LooseJSON.bytes(list) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        default: return JSONValue.string(value)
        }
    }

    /// The account's vmboxes the token may read, learned once.
    func boxes() async throws -> [KazooBox] {
        try await knownBoxes.get { [self] in try await readBoxes() }
    }

    private func readBoxes() async throws -> [KazooBox] {
        let records = try await allPages(Call(path: { KazooPaths.vmboxes($0) }, resource: "the voicemail boxes"))
        let found = records.compactMap { record -> KazooBox? in
            guard let id = JSONValue.text(record["id"]) else { return nil }
            let mailbox = JSONValue.text(record["mailbox"]) ?? id
            return KazooBox(id: id, mailbox: mailbox, name: JSONValue.text(record["name"]) ?? mailbox, ownerID: JSONValue.text(record["owner_id"]))
        }
        return found
    }

    func ownBox() async throws -> KazooBox {
        let identity = try await session.current { [self] in try await logIn() }
        guard let box = try await boxes().first(where: { $0.ownerID != nil && $0.ownerID == identity.ownerID }) else {
            throw VoicemailError.notFound(what: "your voicemail box", reason: "no vmbox of this account has you as its owner")
        }
        return box
    }

    /// The box a call acts on: nil is the user's own; else by mailbox number (or box id).
    func box(_ mailbox: String?) async throws -> KazooBox {
        guard let mailbox else { return try await ownBox() }
        guard let box = try await boxes().first(where: { $0.mailbox == mailbox || $0.id == mailbox }) else {
            throw VoicemailError.notFound(what: "mailbox \(mailbox)", reason: "no such voicemail box in this account")
        }
        return box
    }

    public func setPIN(_ pin: String?, forMailbox mailbox: String) { pins.set(pin, for: mailbox) }
    public func pin(forMailbox mailbox: String) -> String? { pins[mailbox] }
}
