import Foundation
import HTTPTypes
import Hummingbird
import VoicemailModel

/// Session cookies handed out by `POST /api/v1/personal/login`; kept in memory only
/// (a restart logs everyone out, as a PBX reboot does).
actor SessionStore {
    /// Idle sessions expire, so "expired session → 401" can happen as on a real PBX.
    let idleLifetime: TimeInterval
    private var sessions: [String: (extension: String, lastUse: Date)] = [:]

    init(idleLifetime: TimeInterval = 8 * 3600) {
        self.idleLifetime = idleLifetime
    }

    func create(for ext: String) -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        sessions[id] = (ext, Date())
        return id
    }

    func extensionFor(_ id: String) -> String? {
        guard let session = sessions[id] else { return nil }
        guard Date().timeIntervalSince(session.lastUse) < idleLifetime else {
            sessions[id] = nil
            return nil
        }
        sessions[id] = (session.extension, Date())
        return session.extension
    }
}

/// Who is calling: Bearer token, HTTP Basic (extension:web password), or the session cookie.
struct Authenticator: Sendable {
    let users: UserDirectory
    let sessions: SessionStore

    func authenticate(_ request: Request) async throws -> SimulatorUser {
        if let authorization = request.headers[.authorization] {
            // Credentials that were sent but are wrong never fall back to the cookie.
            return try user(forAuthorization: authorization)
        }
        if let session = request.cookies[APIPath.sessionCookie]?.value,
            let ext = await sessions.extensionFor(session), let user = users.user(ext)
        {
            return user
        }
        throw APIError.unauthorized
    }

    private func user(forAuthorization header: String) throws -> SimulatorUser {
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { throw APIError.unauthorized }
        let credentials = parts[1].trimmingCharacters(in: .whitespaces)
        switch parts[0].lowercased() {
        case "bearer":
            if let user = users.user(token: credentials) { return user }
        case "basic":
            guard let data = Data(base64Encoded: credentials), let text = String(data: data, encoding: .utf8),
                let colon = text.firstIndex(of: ":")
            else { throw APIError.unauthorized }
            let ext = String(text[..<colon])
            let password = String(text[text.index(after: colon)...])
            if let user = users.user(extension: ext, password: password) { return user }
        default:
            break
        }
        throw APIError.unauthorized
    }
}

/// Permission to open a mailbox: the ACL, then (for others) the owner's PIN.
struct MailboxAccess: Sendable {
    let users: UserDirectory

    func check(_ mailbox: String, viewer: SimulatorUser, request: Request) throws {
        guard let owner = users.user(mailbox) else { throw APIError.notFound("No mailbox \(mailbox)") }
        guard users.mayOpen(mailbox, viewer: viewer) else {
            throw APIError.forbidden("No permission for the voicemail of \(mailbox)")
        }
        guard owner.pinRequired, owner.extension != viewer.extension else { return }
        guard let pin = request.headers[HTTPField.Name(APIPath.pinHeader)!], !pin.isEmpty else {
            throw APIError.pinRequired
        }
        guard constantTimeEqual(pin.trimmingCharacters(in: .whitespaces), owner.pin) else { throw APIError.pinWrong }
    }
}
