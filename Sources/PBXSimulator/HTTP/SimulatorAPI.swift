import Foundation
import Hummingbird
import Logging
import VoicemailModel

/// What every handler needs: the spool, the users, the guards, and which flavor of the API
/// is being served. The routes themselves are in `SimulatorRoutes`.
struct SimulatorAPI: Sendable {
    let store: SpoolStore
    let users: UserDirectory
    let flavor: SimulatorFlavor
    let limits: ServerLimits
    let authenticator: Authenticator
    let access: MailboxAccess
    let sessions: SessionStore
    let guardian: LoginGuard
    let uploads: UploadSlots
    /// Changes with every start, so ETags from before a restart never match.
    let bootID: String
    let logger: Logger

    init(
        store: SpoolStore, users: UserDirectory, flavor: SimulatorFlavor, limits: ServerLimits,
        logger: Logger
    ) {
        self.store = store
        self.users = users
        self.flavor = flavor
        self.limits = limits
        sessions = SessionStore()
        guardian = LoginGuard(limits: limits, logger: logger)
        authenticator = Authenticator(users: users, sessions: sessions, guardian: guardian, cookieName: flavor.sessionCookie)
        access = MailboxAccess(users: users)
        uploads = UploadSlots(limit: limits.maxConcurrentUploads)
        bootID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.logger = logger
    }

    /// The ETag of an answer, or nil in the Wildix flavor (conditional requests are a vmtui
    /// extension).
    func etag(_ parts: [String]) -> String? {
        flavor == .full ? ETag.make(bootID: bootID, parts: parts) : nil
    }
}
