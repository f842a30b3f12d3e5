import Foundation
import Hummingbird
import VoicemailModel

/// `POST /api/v1/personal/login` (form fields `login`, `password`) sets the session cookie.
struct SessionLogin {
    let api: SimulatorAPI

    func login(_ request: Request, _ context: SimulatorContext) async throws -> Response {
        let body = try await RequestBodies.collect(request, context: context, limit: 64 * 1024)
        let form = QueryString(String(decoding: body, as: UTF8.self))
        guard let login = form["login"], let password = form["password"], !login.isEmpty else {
            throw APIError.badRequest("login and password are required (form fields)")
        }
        let users = api.users
        let user = try await api.guardian.login(user: login, address: context.remoteAddress, how: "session") {
            users.user(extension: login, password: password)
        }
        let session = await api.sessions.create(for: user.extension)
        var response: Response
        switch api.flavor {
        case .full: response = try Responses.json(SignedInUser(user))
        // What Wildix answers is not public; the least a client may get is an empty result.
        case .wildix, .wazo, .kazoo: response = Responses.nullResult()
        }
        response.headers[.setCookie] = "\(api.flavor.sessionCookie)=\(session); Path=/; HttpOnly; SameSite=Lax"
        return response
    }
}

/// `GET /api/v1/personal/info`: who the credentials belong to (Wildix answers
/// `result.extension` and the name; bearer, Basic and session alike).
enum PersonalInfo {
    static func answer(_ context: SimulatorContext) throws -> Response {
        try Responses.json(SignedInUser(try context.requireViewer()))
    }
}

struct SignedInUser: Codable, Sendable {
    var `extension`: String
    var name: String

    init(_ user: SimulatorUser) {
        self.extension = user.extension
        name = user.name
    }
}
