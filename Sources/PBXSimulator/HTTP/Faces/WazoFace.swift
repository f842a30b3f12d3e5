import Foundation
import HTTPTypes
import Hummingbird
import VoicemailModel

/// pbx-sim as a Wazo Platform (`--flavor wazo`): wazo-auth's token calls and wazo-calld's
/// `/users/me/voicemails` calls over the same spool, in Wazo's paths, shapes, status codes
/// (204 on changes) and error bodies `{"message","error_id","details","timestamp"}`. A user
/// logs in with the extension as user name and the web password; the mailboxes the user may
/// open besides their own are Wazo's `global` voicemails. What Wazo lacks (forward, deposit,
/// the vmtui calls) is not routed: 404. Shapes follow wazo-calld's `schemas.py`.
struct WazoFace {
    let api: SimulatorAPI
    let tokens = FaceTokens()

    static let authBase = "/api/auth/0.1"
    static let base = "/api/calld/1.0/users/me/voicemails"
    /// wazo-auth's default when the request names no expiration.
    static let defaultExpiration = 7200

    static let folders: [(id: Int, folder: Folder, type: String)] = [
        (1, .inbox, "new"), (2, .old, "old"), (3, .urgent, "urgent"), (4, .work, "other"), (5, .family, "other"),
        (6, .friends, "other"),
    ]

    /// Route paths built from the base paths above.
    static func path(_ text: String) -> RouterPath { RouterPath(stringLiteral: text) }

    func register(_ router: Router<SimulatorContext>) {
        router.post(Self.path("\(Self.authBase)/token")) { request, context in await guarded { try await login(request, context) } }
        router.delete(Self.path("\(Self.authBase)/token/:token")) { _, context in
            await guarded {
                _ = await tokens.revoke(try context.parameter("token"))
                return FaceJSON.noContent()
            }
        }
        router.get(Self.path(Self.base)) { request, _ in await signedIn(request) { try voicemail($0) } }
        router.get(Self.path("\(Self.base)/folders/:folder")) { request, context in
            await signedIn(request) { user in try folder(user, try context.parameter("folder")) }
        }
        router.get(Self.path("\(Self.base)/messages")) { request, _ in await signedIn(request) { try messages($0, request) } }
        router.get(Self.path("\(Self.base)/messages/:id")) { request, context in
            await signedIn(request) { user in try message(user, try context.parameter("id")) }
        }
        router.put(Self.path("\(Self.base)/messages/:id")) { request, context in
            await signedIn(request) { user in try await move(user, try context.parameter("id"), request, context) }
        }
        router.delete(Self.path("\(Self.base)/messages/:id")) { request, context in
            await signedIn(request) { user in
                let found = try locate(user, try context.parameter("id"))
                _ = try await api.store.delete([found.key])
                return FaceJSON.noContent()
            }
        }
        router.get(Self.path("\(Self.base)/messages/:id/recording")) { request, context in
            await signedIn(request) { user in
                let found = try locate(user, try context.parameter("id"))
                let audio = try await api.store.openAudio(mailbox: found.mailbox, id: found.id)
                return AudioFileResponse.make(handle: audio.handle, format: audio.format, request: request)
            }
        }
        let greetings = WazoGreetings(face: self)
        router.get(Self.path("\(Self.base)/greetings/:greeting")) { request, context in
            await signedIn(request) { user in try greetings.get(user, try context.parameter("greeting"), request) }
        }
        for method in [HTTPRequest.Method.post, .put] {
            router.on(Self.path("\(Self.base)/greetings/:greeting"), method: method) { request, context in
                await signedIn(request) { user in
                    try await greetings.store(user, try context.parameter("greeting"), create: method == .post, request, context)
                }
            }
        }
        router.delete(Self.path("\(Self.base)/greetings/:greeting")) { request, context in
            await signedIn(request) { user in try await greetings.reset(user, try context.parameter("greeting")) }
        }
        router.post(Self.path("\(Self.base)/greetings/:greeting/copy")) { request, context in
            await signedIn(request) { user in try await greetings.copy(user, try context.parameter("greeting"), request, context) }
        }
    }

    // MARK: Errors and authentication

    static func error(_ status: HTTPResponse.Status, _ message: String, _ errorID: String, details: [String: Any] = [:]) -> Response {
        FaceJSON.response(
            ["message": message, "error_id": errorID, "details": details, "timestamp": Date().timeIntervalSince1970],
            status: status)
    }

    /// Any failure as Wazo words it.
    func guarded(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as APIError {
            let id = error.code.replacingOccurrences(of: "_", with: "-")
            return Self.error(error.status, error.reason, id)
        } catch let error as StoreError {
            let shown = APIError(error)
            return Self.error(shown.status, shown.reason, shown.code.replacingOccurrences(of: "_", with: "-"))
        } catch {
            return Self.error(.internalServerError, "Unexpected error", "unexpected-error")
        }
    }

    /// `X-Auth-Token` must name a live token: 401 `not_found_or_expired` otherwise.
    func signedIn(_ request: Request, _ body: (SimulatorUser) async throws -> Response) async -> Response {
        await guarded {
            let token = request.headers[FaceJSON.authToken] ?? ""
            guard let grant = await tokens.user(of: token), let user = api.users.user(grant.user), !user.cannotUseVoicemail else {
                return Self.error(
                    .unauthorized, "Unauthorized", "unauthorized",
                    details: ["invalid_token": token, "reason": "not_found_or_expired"])
            }
            return try await body(user)
        }
    }

    /// `POST /token`: HTTP Basic (extension, web password), `{"expiration": s}`.
    func login(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let body = try await FaceJSON.object(request, context: context)
        guard let (name, password) = FaceJSON.basic(request), let user = api.users.user(extension: name, password: password)
        else {
            return FaceJSON.response(
                ["reason": ["Authentication Failed"], "timestamp": [Date().timeIntervalSince1970], "status_code": 401],
                status: .unauthorized)
        }
        let seconds = api.limits.tokenTTL ?? FaceJSON.int(body["expiration"]) ?? Self.defaultExpiration
        let token = await tokens.issue(for: user.extension, seconds: seconds)
        let now = Date()
        let expires = now.addingTimeInterval(TimeInterval(seconds))
        return FaceJSON.response([
            "data": [
                "token": token, "auth_id": "user-\(user.extension)", "session_uuid": UUID().uuidString.lowercased(),
                "issued_at": FaceJSON.iso(now), "expires_at": FaceJSON.iso(expires), "utc_issued_at": FaceJSON.iso(now),
                "utc_expires_at": FaceJSON.iso(expires), "acl": ["calld.users.me.voicemails.#"],
                "metadata": ["uuid": "user-\(user.extension)", "username": user.extension, "purpose": "user"],
            ] as [String: Any]
        ])
    }

    // MARK: Voicemails and messages

    static func folderInfo(_ folder: Folder) -> [String: Any]? {
        folders.first { $0.folder == folder }.map { ["id": $0.id, "name": $0.folder.rawValue.lowercased(), "type": $0.type] }
    }

    /// A message as wazo-calld's schema has it: null caller parts, Unix `timestamp`, `empty`,
    /// `transcription` `{text}` or null.
    static func record(_ message: StoredMessage) -> [String: Any] {
        let number = message.record.callerID.number
        return [
            "id": message.id,
            "caller_id_name": message.record.callerID.name.map { $0 as Any } ?? NSNull(),
            "caller_id_num": number.isEmpty ? NSNull() : number as Any,
            "duration": message.record.duration,
            "timestamp": Int(message.record.originTime.timeIntervalSince1970),
            "empty": message.record.duration == 0,
            "transcription": message.record.transcription.map { ["text": $0] as Any } ?? NSNull(),
        ]
    }

    /// `GET /users/me/voicemails`: the personal voicemail, its six folders with their messages.
    func voicemail(_ user: SimulatorUser) throws -> Response {
        let folders = Self.folders.map { entry -> [String: Any] in
            var info = Self.folderInfo(entry.folder) ?? [:]
            info["messages"] = api.store.messages(in: user.extension, folder: entry.folder).map(Self.record)
            return info
        }
        return FaceJSON.response([
            "id": Int(user.extension) ?? 0, "name": user.name, "number": user.extension, "context": "default",
            "accesstype": "personal", "folders": folders,
        ])
    }

    func folder(_ user: SimulatorUser, _ text: String) throws -> Response {
        guard let id = Int(text) else {
            return Self.error(.badRequest, "Invalid voicemail folder ID", "invalid-voicemail-folder-id", details: ["folder_id": text])
        }
        guard let entry = Self.folders.first(where: { $0.id == id }) else {
            return Self.error(.notFound, "No such voicemail folder", "no-such-voicemail-folder", details: ["folder_id": id])
        }
        var info = Self.folderInfo(entry.folder) ?? [:]
        info["messages"] = api.store.messages(in: user.extension, folder: entry.folder).map(Self.record)
        return FaceJSON.response(info)
    }

    /// The user's personal voicemail, then the global ones (the mailboxes they may open).
    func voicemails(_ user: SimulatorUser, type: String) -> [(user: SimulatorUser, accesstype: String)] {
        let personal = type == "global" ? [] : [(user, "personal")]
        let global = type == "personal" ? [] : api.users.openableMailboxes(for: user)
            .filter { $0.extension != user.extension }.map { ($0, "global") }
        return personal + global
    }

    /// `GET /users/me/voicemails/messages`: every message of the user's voicemails with its
    /// voicemail and folder, ordered and paged by `order`, `direction`, `limit`, `offset`.
    func messages(_ user: SimulatorUser, _ request: Request) throws -> Response {
        let query = QueryString(request.uri.query)
        let type = query["voicemail_type"] ?? "all"
        let order = query["order"] ?? "timestamp"
        let direction = query["direction"] ?? "asc"
        guard ["all", "personal", "global"].contains(type), ["id", "caller_id_name", "duration", "timestamp"].contains(order),
            ["asc", "desc"].contains(direction)
        else { return Self.error(.badRequest, "Invalid query parameters", "invalid-data") }
        let limit = query["limit"].map { Int($0) }
        let offset = query["offset"].map { Int($0) } ?? 0
        guard limit.map({ ($0 ?? 0) >= 1 }) ?? true, let offset, offset >= 0 else {
            return Self.error(.badRequest, "Invalid query parameters", "invalid-data")
        }
        var items: [(record: [String: Any], message: StoredMessage)] = []
        for (box, accesstype) in voicemails(user, type: type) {
            for folder in Self.folders {
                for message in api.store.messages(in: box.extension, folder: folder.folder) {
                    var record = Self.record(message)
                    record["voicemail"] = ["id": Int(box.extension) ?? 0, "name": box.name, "accesstype": accesstype]
                    record["folder"] = Self.folderInfo(folder.folder)
                    items.append((record, message))
                }
            }
        }
        items.sort { a, b in
            let ascending: Bool
            switch order {
            case "id": ascending = a.message.id < b.message.id
            case "caller_id_name": ascending = (a.message.record.callerID.name ?? "") < (b.message.record.callerID.name ?? "")
            case "duration": ascending = a.message.record.duration < b.message.record.duration
            default: ascending = a.message.record.originTime < b.message.record.originTime
            }
            return direction == "asc" ? ascending : !ascending
        }
        let start = min(offset, items.count)
        let end = limit.flatMap { $0 }.map { min(items.count, start + $0) } ?? items.count
        return FaceJSON.response(["items": items[start..<end].map(\.record), "total": items.count])
    }

    /// A message of the user's personal or global voicemails (as wazo-calld searches).
    func locate(_ user: SimulatorUser, _ id: String) throws -> StoredMessage {
        let boxes = voicemails(user, type: "all").map(\.user.extension)
        guard MessageID.isValid(id), let found = api.store.find(id, in: boxes), Self.folderInfo(found.folder) != nil else {
            throw APIError(status: .notFound, code: "no_such_voicemail_message", reason: "No such voicemail message")
        }
        return found
    }

    func message(_ user: SimulatorUser, _ id: String) throws -> Response {
        let found = try locate(user, id)
        var record = Self.record(found)
        record["folder"] = Self.folderInfo(found.folder)
        return FaceJSON.response(record)
    }

    /// `PUT …/messages/{id}` `{"folder_id": n}`: moved, 204.
    func move(_ user: SimulatorUser, _ id: String, _ request: Request, _ context: SimulatorContext) async throws -> Response {
        let found = try locate(user, id)
        let body = try await FaceJSON.object(request, context: context)
        guard let folderID = FaceJSON.int(body["folder_id"]) else {
            return Self.error(.badRequest, "Sent data is invalid", "invalid-data", details: ["folder_id": ["Missing data for required field."]])
        }
        guard let target = Self.folders.first(where: { $0.id == folderID }) else {
            return Self.error(.notFound, "No such voicemail folder", "no-such-voicemail-folder", details: ["folder_id": folderID])
        }
        _ = try await api.store.update(mailbox: found.mailbox, id: found.id, read: nil, folder: target.folder)
        return FaceJSON.noContent()
    }
}
