import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension VoicemailClient {
    static let personalInfoPath = "/api/v1/personal/info"

    /// Logs in (session credentials) and says who we are; bearer and basic credentials are
    /// checked by `whoAmI`.
    @discardableResult
    public func login() async throws -> AccountInfo? {
        if case .session = configuration.credentials {
            let (cookie, account) = try await performLogin()
            await session.store(cookie)
            return account
        }
        return try await whoAmI()
    }

    /// Who the credentials belong to: `GET /api/v1/personal/info` where the PBX has it (it
    /// answers the extension and the name); else what the session login said; else nil after
    /// the smallest list call has proved the credentials.
    public func whoAmI() async throws -> AccountInfo? {
        var fromLogin: AccountInfo?
        if case .session = configuration.credentials {
            let (cookie, account) = try await performLogin()
            await session.store(cookie)
            fromLogin = account
        }
        var call = APICall(path: Self.personalInfoPath, headers: ["Accept: application/json"], resource: "your account")
        call.passThrough = Self.absentStatuses
        let response = try await send(call)
        if !Self.absentStatuses.contains(response.status),
            let info = (try? JSONDecoder().decode(ResultEnvelope<AccountInfo>.self, from: response.body))?.result,
            !info.extension.isEmpty
        {
            return AccountInfo(extension: info.extension, name: info.name ?? fromLogin?.name)
        }
        if let fromLogin { return fromLogin }
        _ = try await listMessages(MessageQuery(mailbox: nil, folder: .inbox, count: 1))
        return nil
    }
}
