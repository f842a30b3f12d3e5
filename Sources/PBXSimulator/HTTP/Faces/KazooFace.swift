import Foundation
import HTTPTypes
import Hummingbird
import VoicemailModel

/// pbx-sim as a Kazoo crossbar (`--flavor kazoo`): `PUT /v2/user_auth` (MD5 of
/// "extension:web password", account name `pbx-sim`), then `/v2/accounts/{account}/vmboxes…`
/// over the same spool, every JSON answer in Kazoo's envelope. Timestamps are Gregorian
/// seconds and lengths milliseconds, as Kazoo's; lists page by `page_size` / `start_key` /
/// `next_start_key`. Folders are Kazoo's two: INBOX and Urgent are `new`, every other folder
/// `saved`. Each user's mailbox is a vmbox owned by that user; the mailboxes the user may open
/// are the account's other boxes the token may read. What Kazoo lacks is not routed: 404.
struct KazooFace {
    let api: SimulatorAPI
    let tokens = FaceTokens()
    let media = KazooMediaStore()

    /// What users type as the account name in pbx-sim (a Kazoo account is named by its admin).
    static let accountName = "pbx-sim"
    static let accountID = MD5.hex("account:\(accountName)")
    static let gregorianOffset = 62_167_219_200
    /// Kazoo's default token lifetime.
    static let defaultTTL = 3600
    static let defaultPageSize = 50

    static func boxID(_ ext: String) -> String { MD5.hex("vmbox:\(ext)") }
    static func ownerID(_ ext: String) -> String { MD5.hex("user:\(ext)") }

    /// Route paths built from the base paths above.
    static func path(_ text: String) -> RouterPath { RouterPath(stringLiteral: text) }

    func register(_ router: Router<SimulatorContext>) {
        router.put("/v2/user_auth") { request, context in await guarded { try await login(request, context) } }
        router.get("/v2/user_auth/:token") { request, context in
            await signedIn(request, account: nil) { user, token in
                guard try context.parameter("token") == token else { throw APIError.unauthorized }
                return Self.envelope(Self.identity(user), token: token)
            }
        }
        let account = "/v2/accounts/:account"
        router.get(Self.path("\(account)/vmboxes")) { request, context in
            await signedIn(request, account: context) { user, token in try boxes(user, token, request) }
        }
        router.get(Self.path("\(account)/vmboxes/:box/messages")) { request, context in
            await signedIn(request, account: context) { user, token in try list(user, token, try context.parameter("box"), request) }
        }
        router.post(Self.path("\(account)/vmboxes/:box/messages")) { request, context in
            await signedIn(request, account: context) { user, token in
                try await bulk(user, token, try context.parameter("box"), request, context)
            }
        }
        router.get(Self.path("\(account)/vmboxes/:box/messages/:id")) { request, context in
            await signedIn(request, account: context) { user, token in
                let found = try locate(user, try context.parameter("box"), try context.parameter("id"))
                var record = Self.record(found)
                record["transcription"] = found.record.transcription.map { ["result": "success", "text": $0] as Any }
                return Self.envelope(record, token: token)
            }
        }
        router.post(Self.path("\(account)/vmboxes/:box/messages/:id")) { request, context in
            await signedIn(request, account: context) { user, token in
                try await change(user, token, try context.parameter("box"), try context.parameter("id"), request, context)
            }
        }
        router.delete(Self.path("\(account)/vmboxes/:box/messages/:id")) { request, context in
            await signedIn(request, account: context) { user, token in
                let found = try locate(user, try context.parameter("box"), try context.parameter("id"))
                var record = Self.record(found)
                _ = try await api.store.delete([found.key])
                record["folder"] = "deleted"
                return Self.envelope(record, token: token)
            }
        }
        registerMedia(router, account: account)
        router.get(Self.path("\(account)/vmboxes/:box/messages/:id/raw")) { request, context in
            await signedIn(request, account: context) { user, _ in
                let found = try locate(user, try context.parameter("box"), try context.parameter("id"))
                let audio = try await api.store.openAudio(mailbox: found.mailbox, id: found.id)
                return AudioFileResponse.make(handle: audio.handle, format: audio.format, request: request)
            }
        }
    }

    // MARK: Envelope, errors, authentication

    static func envelope(_ data: Any, token: String, extra: [String: Any] = [:], status: HTTPResponse.Status = .ok) -> Response {
        var object: [String: Any] = [
            "status": "success", "data": data, "auth_token": token, "request_id": UUID().uuidString.lowercased(),
            "revision": "undefined",
        ]
        for (key, value) in extra { object[key] = value }
        return FaceJSON.response(object, status: status)
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, data: [String: Any] = [:]) -> Response {
        FaceJSON.response(
            [
                "status": "error", "error": String(status.code), "message": message, "data": data.isEmpty ? ["message": message] : data,
                "auth_token": "", "request_id": UUID().uuidString.lowercased(),
            ], status: status)
    }

    func guarded(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            return Self.error(error.status, Self.words(error))
        } catch let error as StoreError {
            let shown = APIError(error)
            return Self.error(shown.status, Self.words(shown))
        } catch {
            return Self.error(.internalServerError, "init failed")
        }
    }

    /// Crossbar's stock messages for the common statuses.
    static func words(_ error: APIError) -> String {
        switch error.status {
        case .unauthorized: "invalid credentials"
        case .forbidden: "forbidden"
        case .notFound: "bad identifier"
        default: error.reason
        }
    }

    /// `X-Auth-Token` must be live and (under `/accounts/{account}`) for this account.
    func signedIn(
        _ request: Request, account context: SimulatorContext?, _ body: (SimulatorUser, String) async throws -> Response
    ) async -> Response {
        await guarded {
            let token = request.headers[FaceJSON.authToken] ?? ""
            guard let grant = await tokens.user(of: token), let user = api.users.user(grant.user), !user.cannotUseVoicemail else {
                return Self.error(.unauthorized, "invalid credentials")
            }
            if let context, try context.parameter("account") != Self.accountID {
                return Self.error(.forbidden, "forbidden")
            }
            return try await body(user, token)
        }
    }

    static func identity(_ user: SimulatorUser) -> [String: Any] {
        [
            "account_id": accountID, "owner_id": ownerID(user.extension), "account_name": accountName,
            "is_reseller": false, "reseller_id": accountID, "language": "en-us", "apps": [] as [Any],
        ]
    }

    /// `PUT /v2/user_auth` `{"data":{"credentials": md5("user:password"), "account_name", "method":"md5"}}`.
    func login(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let body = try await FaceJSON.object(request, context: context)
        let data = body["data"] as? [String: Any] ?? [:]
        guard let credentials = (data["credentials"] as? String)?.lowercased(), (data["method"] as? String ?? "md5") == "md5" else {
            return Self.error(.badRequest, "invalid request", data: ["credentials": ["required": ["message": "Field is required but missing"]]])
        }
        let account = data["account_name"] as? String
        guard account == Self.accountName,
            let user = api.users.users.first(where: { MD5.hex("\($0.extension):\($0.webPassword)") == credentials })
        else { return Self.error(.unauthorized, "invalid credentials") }
        let token = await tokens.issue(for: user.extension, seconds: api.limits.tokenTTL ?? Self.defaultTTL)
        return Self.envelope(Self.identity(user), token: token, status: .created)
    }

    // MARK: Boxes and messages

    /// The mailboxes the user may open (own first), as vmboxes.
    func readable(_ user: SimulatorUser) -> [SimulatorUser] { api.users.openableMailboxes(for: user) }

    func box(_ user: SimulatorUser, _ boxID: String) throws -> SimulatorUser {
        guard let owner = api.users.users.first(where: { Self.boxID($0.extension) == boxID }) else {
            throw APIError.notFound("bad identifier")
        }
        guard readable(user).contains(where: { $0.extension == owner.extension }) else { throw APIError.forbidden("forbidden") }
        return owner
    }

    static func record(_ message: StoredMessage) -> [String: Any] {
        var record: [String: Any] = [
            "media_id": message.id,
            "timestamp": Int(message.record.originTime.timeIntervalSince1970) + gregorianOffset,
            "length": message.record.duration * 1000,
            "folder": message.folder.holdsUnread ? "new" : "saved",
            "call_id": "\(message.id)@pbx-sim",
            "to": "\(message.mailbox)@pbx-sim",
        ]
        let number = message.record.callerID.number
        if !number.isEmpty {
            record["caller_id_number"] = number
            record["from"] = "\(number)@pbx-sim"
        }
        if let name = message.record.callerID.name { record["caller_id_name"] = name }
        if message.record.transcription != nil { record["transcribed"] = true }
        return record
    }

    /// One page of `count` records by `page_size` (default 50) from `start_key`, with `next_start_key`
    /// when more follow, as crossbar pages its views.
    /// Only the page's records are built (`record(i)`), so paging a 10,000-message box costs
    /// each answer its own page.
    func paged(
        count: Int, record: (Int) -> [String: Any], key: (Int) -> String, _ request: Request, token: String
    ) throws -> Response {
        let query = QueryString(request.uri.query)
        let size = query["page_size"].map { Int($0) ?? 0 } ?? Self.defaultPageSize
        guard size > 0 else { return Self.error(.badRequest, "invalid request") }
        var start = 0
        if let startKey = query["start_key"] {
            guard let index = (0..<count).first(where: { key($0) == startKey }) else { return Self.envelope([], token: token) }
            start = index
        }
        let end = min(count, start + size)
        var extra: [String: Any] = ["page_size": end - start]
        if start < count { extra["start_key"] = key(start) }
        if end < count { extra["next_start_key"] = key(end) }
        return Self.envelope((start..<end).map(record), token: token, extra: extra)
    }

    func boxes(_ user: SimulatorUser, _ token: String, _ request: Request) throws -> Response {
        let owners = readable(user)
        let boxes = owners.map { owner -> [String: Any] in
            [
                "id": Self.boxID(owner.extension), "name": "\(owner.name) VMBox", "mailbox": owner.extension,
                "owner_id": Self.ownerID(owner.extension), "messages": api.store.count(in: owner.extension),
            ]
        }
        return try paged(count: boxes.count, record: { boxes[$0] }, key: { owners[$0].extension }, request, token: token)
    }

    /// Newest first, as Kazoo's message listing is.
    func messages(of owner: SimulatorUser) -> [StoredMessage] {
        api.store.messages(in: owner.extension).filter { $0.folder != .deleted }
            .sorted { ($0.record.originTime, $0.id) > ($1.record.originTime, $1.id) }
    }

    func list(_ user: SimulatorUser, _ token: String, _ boxID: String, _ request: Request) throws -> Response {
        let owner = try box(user, boxID)
        let stored = messages(of: owner)
        return try paged(count: stored.count, record: { Self.record(stored[$0]) }, key: { stored[$0].id }, request, token: token)
    }

    func locate(_ user: SimulatorUser, _ boxID: String, _ id: String) throws -> StoredMessage {
        let owner = try box(user, boxID)
        guard MessageID.isValid(id), let found = api.store.message(mailbox: owner.extension, id: id), found.folder != .deleted else {
            throw APIError.notFound("bad identifier")
        }
        return found
    }

    /// Kazoo's folder names as the spool's: `saved` leaves a read message where it is.
    func apply(_ folder: String, to message: StoredMessage) async throws -> StoredMessage {
        switch folder {
        case "new": return try await api.store.update(mailbox: message.mailbox, id: message.id, read: false, folder: nil)
        case "saved": return try await api.store.update(mailbox: message.mailbox, id: message.id, read: true, folder: nil)
        default: throw APIError.badRequest("invalid folder")
        }
    }

    /// `POST …/messages/{id}`: `{"data":{"folder":…}}` (no folder: saved), or a copy to the
    /// boxes in `source_id`.
    func change(
        _ user: SimulatorUser, _ token: String, _ boxID: String, _ id: String, _ request: Request, _ context: SimulatorContext
    ) async throws -> Response {
        let found = try locate(user, boxID, id)
        let data = try await FaceJSON.object(request, context: context)["data"] as? [String: Any] ?? [:]
        if let targets = data["source_id"] {
            let ids = (targets as? [String]) ?? [(targets as? String) ?? ""]
            var extensions: [String] = []
            for target in ids { extensions.append(try box(user, target).extension) }
            let source = found.api
            let label = source.isForwarded ? (source.subject ?? "") : "Fwd: \(source.callerName ?? source.callerNumber)"
            let copies = try await api.store.forward(found.key, to: extensions, label: label)
            var answer: [String: Any] = [:]
            for copy in copies { answer[Self.boxID(copy.mailbox)] = copy.id }
            return Self.envelope(answer, token: token)
        }
        let folder = (data["folder"] as? String) ?? QueryString(request.uri.query)["folder"] ?? "saved"
        return Self.envelope(Self.record(try await apply(folder, to: found)), token: token)
    }

    /// `POST …/messages` `{"data":{"messages":[…],"folder":…}}`: `succeeded` and `failed`.
    func bulk(
        _ user: SimulatorUser, _ token: String, _ boxID: String, _ request: Request, _ context: SimulatorContext
    ) async throws -> Response {
        let owner = try box(user, boxID)
        let data = try await FaceJSON.object(request, context: context)["data"] as? [String: Any] ?? [:]
        guard let ids = data["messages"] as? [String], !ids.isEmpty else {
            return Self.error(.badRequest, "invalid request", data: ["messages": ["required": ["message": "Field is required but missing"]]])
        }
        let folder = (data["folder"] as? String) ?? QueryString(request.uri.query)["folder"] ?? "saved"
        var succeeded: [String] = []
        var failed: [[String: String]] = []
        for id in ids {
            guard let found = api.store.message(mailbox: owner.extension, id: id) else {
                failed.append([id: "not_found"])
                continue
            }
            _ = try await apply(folder, to: found)
            succeeded.append(id)
        }
        return Self.envelope(["succeeded": succeeded, "failed": failed], token: token)
    }
}
