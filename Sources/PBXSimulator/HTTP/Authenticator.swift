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
/// Every failed check is counted by the login guard, so credentials cannot be guessed fast.
struct Authenticator: Sendable {
    let users: UserDirectory
    let sessions: SessionStore
    let guardian: LoginGuard
    let cookieName: String

    func authenticate(_ request: Request, address: String) async throws -> SimulatorUser {
        if let authorization = request.headers[.authorization] {
            // Credentials that were sent but are wrong never fall back to the cookie.
            return try await user(forAuthorization: authorization, address: address)
        }
        if let session = request.cookies[cookieName]?.value {
            let users = self.users, sessions = self.sessions
            return try await guardian.login(user: nil, address: address, how: "session") {
                guard let ext = await sessions.extensionFor(session) else { return nil }
                return users.user(ext)
            }
        }
        throw APIError.unauthorized
    }

    private func user(forAuthorization header: String, address: String) async throws -> SimulatorUser {
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        let scheme = parts.first?.lowercased() ?? ""
        let credentials = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        let users = self.users
        switch scheme {
        case "basic":
            let decoded = Data(base64Encoded: credentials).flatMap { String(data: $0, encoding: .utf8) }
            let colon = decoded?.firstIndex(of: ":")
            let ext = decoded.flatMap { text in colon.map { String(text[..<$0]) } }
            return try await guardian.login(user: ext, address: address, how: "basic") {
                guard let decoded, let colon, let ext else { return nil }
                return users.user(extension: ext, password: String(decoded[decoded.index(after: colon)...]))
            }
        default:
            return try await guardian.login(user: nil, address: address, how: scheme.isEmpty ? "malformed" : scheme) {
                scheme == "bearer" ? users.user(token: credentials) : nil
            }
        }
    }
}

/// Permission to open a mailbox: the ACL, then (for others) the owner's PIN.
struct MailboxAccess: Sendable {
    let users: UserDirectory

    func check(_ mailbox: String, viewer: SimulatorUser, request: Request) throws {
        guard try pinUnlocks(mailbox, viewer: viewer, request: request) else { throw APIError.pinRequired }
    }

    /// Whether the caller may see the mailbox's contents: false when a PIN is needed and none
    /// was sent; throws when there is no such mailbox, no permission, or a wrong PIN.
    func pinUnlocks(_ mailbox: String, viewer: SimulatorUser, request: Request) throws -> Bool {
        guard let owner = users.user(mailbox) else { throw APIError.notFound("No mailbox \(mailbox)") }
        guard users.mayOpen(mailbox, viewer: viewer) else {
            throw APIError.forbidden("No permission for the voicemail of \(mailbox)")
        }
        guard owner.pinRequired, owner.extension != viewer.extension else { return true }
        guard let pin = request.headers[.voicemailPIN], !pin.isEmpty else { return false }
        guard constantTimeEqual(pin.trimmingCharacters(in: .whitespaces), owner.pin) else { throw APIError.pinWrong }
        return true
    }

    enum PINState { case notNeeded, unlocked, missing, wrong }

    /// What the request's PIN does for a mailbox the caller may open (nil: no such mailbox or
    /// no permission).
    func pinState(_ mailbox: String, viewer: SimulatorUser, request: Request) -> PINState? {
        guard let owner = users.user(mailbox), users.mayOpen(mailbox, viewer: viewer) else { return nil }
        guard owner.pinRequired, owner.extension != viewer.extension else { return .notNeeded }
        do {
            return try pinUnlocks(mailbox, viewer: viewer, request: request) ? .unlocked : .missing
        } catch {
            return .wrong
        }
    }
}
