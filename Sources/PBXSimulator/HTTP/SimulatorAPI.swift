import Foundation
import Hummingbird
import Logging
import VoicemailModel

/// Routes every request of the contract (docs/api.md) and turns every failure into the error
/// envelope with its status; nothing a client sends can crash the server.
struct SimulatorAPI: Sendable {
    let store: SpoolStore
    let users: UserDirectory
    let authenticator: Authenticator
    let access: MailboxAccess
    let sessions: SessionStore
    /// Changes with every start, so ETags from before a restart never match.
    let bootID: String
    let logger: Logger

    init(store: SpoolStore, users: UserDirectory, logger: Logger) {
        self.store = store
        self.users = users
        sessions = SessionStore()
        authenticator = Authenticator(users: users, sessions: sessions)
        access = MailboxAccess(users: users)
        bootID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.logger = logger
    }

    func respond(to request: Request) async -> Response {
        do {
            return try await route(request)
        } catch let error as APIError {
            return Responses.error(error)
        } catch let error as StoreError {
            return Responses.error(APIError(error))
        } catch {
            logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return Responses.error(.serverError("\(error)"))
        }
    }

    private func route(_ request: Request) async throws -> Response {
        guard let segments = pathSegments(request.uri.path) else { throw APIError.badRequest("Malformed path") }
        let query = QueryString(request.uri.query)
        let lowered = segments.map { $0.lowercased() }
        let method = request.method

        if lowered == ["api", "v1", "personal", "login"] {
            guard method == .post else { throw APIError.methodNotAllowed(method.rawValue) }
            return try await login(request)
        }

        if lowered.starts(with: ["spoolview", "voicemail", "default"]) {
            guard method == .get || method == .head else { throw APIError.methodNotAllowed(method.rawValue) }
            let viewer = try await authenticator.authenticate(request)
            return try await spoolView(Array(segments.dropFirst(3)), viewer: viewer, request: request)
        }

        guard lowered.starts(with: ["api", "v1", "voicemail"]) else { throw APIError.notFound("No such endpoint") }
        let viewer = try await authenticator.authenticate(request)
        let rest = Array(segments.dropFirst(3))
        let messages = MessageHandlers(api: self, viewer: viewer, request: request, query: query)
        let greetings = GreetingHandlers(api: self, viewer: viewer, request: request, query: query)

        switch (method, rest.count, rest.first?.lowercased()) {
        case (.get, 0, _): return try await messages.list()
        case (.post, 0, _): return try await messages.deposit()
        case (_, 0, _): throw APIError.methodNotAllowed(method.rawValue)
        case (.get, 1, "mailboxes"): return try await MailboxHandlers(api: self, viewer: viewer, request: request).list()
        case (.get, 1, "greetings"): return try await greetings.list()
        case (_, 2, "greetings"):
            let type = try GreetingHandlers.type(rest[1])
            switch method {
            case .get: return try await greetings.info(type)
            case .delete: return try await greetings.reset(type)
            default: throw APIError.methodNotAllowed(method.rawValue)
            }
        case (_, 3, "greetings") where rest[2].lowercased() == "file":
            let type = try GreetingHandlers.type(rest[1])
            switch method {
            case .get, .head: return try await greetings.download(type)
            case .put, .post: return try await greetings.upload(type)
            default: throw APIError.methodNotAllowed(method.rawValue)
            }
        case (_, 1, _):
            switch method {
            case .get: return try await messages.get(rest[0])
            case .put: return try await messages.update(rest[0])
            case .delete: return try await messages.delete(rest[0])
            default: throw APIError.methodNotAllowed(method.rawValue)
            }
        case (_, 2, _) where rest[1].lowercased() == "file":
            guard method == .get || method == .head else { throw APIError.methodNotAllowed(method.rawValue) }
            return try await messages.file(rest[0])
        case (_, 2, _) where rest[1].lowercased() == "forward":
            guard method == .post else { throw APIError.methodNotAllowed(method.rawValue) }
            return try await messages.forward(rest[0])
        default:
            throw APIError.notFound("No such endpoint")
        }
    }

    private func login(_ request: Request) async throws -> Response {
        let body = try await RequestBodies.collect(request, limit: 64 * 1024)
        let form = QueryString(String(decoding: body, as: UTF8.self))
        guard let login = form["login"], let password = form["password"], !login.isEmpty else {
            throw APIError.badRequest("login and password are required (form fields)")
        }
        guard let user = users.user(extension: login, password: password) else { throw APIError.unauthorized }
        let session = await sessions.create(for: user.extension)
        struct LoginResult: Codable, Sendable {
            var `extension`: String
            var name: String
        }
        var response = try Responses.json(LoginResult(extension: user.extension, name: user.name))
        response.headers[.setCookie] = "\(APIPath.sessionCookie)=\(session); Path=/; HttpOnly; SameSite=Lax"
        return response
    }

    /// `/spoolview/voicemail/default/<mailbox>/<Folder>/msgNNNN.<ext>` or
    /// `/spoolview/voicemail/default/<mailbox>/<greeting>.<ext>`. Only names the index knows
    /// are served, so no path can reach outside the spool.
    private func spoolView(_ parts: [String], viewer: SimulatorUser, request: Request) async throws -> Response {
        guard parts.count == 2 || parts.count == 3, Extensions.isValid(parts[0]) else {
            throw APIError.notFound("No such file")
        }
        let mailbox = parts[0]
        try access.check(mailbox, viewer: viewer, request: request)
        if parts.count == 3 {
            guard let folder = Folder.asterisk.first(where: { $0.rawValue.lowercased() == parts[1].lowercased() }),
                let (number, ext) = SpoolLayout.parseFileName(parts[2]),
                let message = await store.message(mailbox: mailbox, folder: folder, number: number),
                message.record.format.fileExtension == ext.lowercased()
            else { throw APIError.notFound("No such file") }
            return try AudioFileResponse.make(file: await store.audioURL(of: message), format: message.record.format, request: request)
        }
        guard let dot = parts[1].lastIndex(of: "."),
            let type = GreetingType.allCases.first(where: { $0.spoolName == String(parts[1][..<dot]) }),
            let (url, format) = await store.greetingFile(mailbox, type),
            format.fileExtension == parts[1][parts[1].index(after: dot)...].lowercased()
        else { throw APIError.notFound("No such file") }
        return try AudioFileResponse.make(file: url, format: format, request: request)
    }
}
