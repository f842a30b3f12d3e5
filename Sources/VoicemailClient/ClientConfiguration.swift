import DisplayText
import FoundationEssentials
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// How the client proves who it is (docs/api.md, "Authentication").
public enum Credentials: Sendable, Equatable {
    /// `Authorization: Bearer <token>`: a PBX simple token or a `wsk-v1-…` API key.
    case bearer(token: String)
    /// HTTP Basic with the extension and web password (discouraged by the vendor).
    case basic(extension: String, password: String)
    /// `POST /api/v1/personal/login`, then the PHPSESSID cookie; logs in again once on 401.
    case session(extension: String, password: String)

    public var method: AuthMethod {
        switch self {
        case .bearer: .bearer
        case .basic: .basic
        case .session: .session
        }
    }

    /// The extension the credentials name, when they name one.
    public var user: String? {
        switch self {
        case .bearer: nil
        case .basic(let ext, _), .session(let ext, _): ext
        }
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible {
    // Never print the secret, even by accident in a log interpolation.
    public var description: String {
        switch self {
        case .bearer: "bearer(<redacted>)"
        case .basic(let ext, _): "basic(\(ext), <redacted>)"
        case .session(let ext, _): "session(\(ext), <redacted>)"
        }
    }

    public var debugDescription: String { description }
}

public enum AuthMethod: String, Sendable, CaseIterable, Equatable {
    case bearer, basic, session
}

/// Which dialect of the voicemail API the server speaks (config `api`, `--api`).
public enum APIFlavor: String, Sendable, CaseIterable, Equatable {
    /// Learned once per session by read-only calls (README, "Connecting to a real Wildix PBX").
    case auto
    /// Only the publicly documented Wildix calls: list, PUT with an empty body, DELETE.
    case wildix
    /// The full contract of docs/api.md, [vmtui extension] parts included (pbx-sim).
    case vmtui
    /// Wazo Platform: wazo-calld's voicemail REST API, tokens from wazo-auth (`WazoBackend`).
    case wazo
    /// Kazoo (2600Hz): crossbar's vmboxes API (`KazooBackend`).
    case kazoo

    /// Users of these PBXs log in with a user name, not an extension.
    public var namesUsers: Bool { self == .wazo || self == .kazoo }
}

/// Everything a `VoicemailClient` needs to reach one PBX.
public struct ClientConfiguration: Sendable {
    /// Scheme, host and optional port (and path prefix), e.g. `https://pbx.example.com`.
    public var serverURL: URL
    public var credentials: Credentials
    /// The mailbox list calls act on when none is given (nil: the caller's own).
    public var mailbox: String?
    /// PINs of mailboxes that need one (`X-Voicemail-PIN`), by extension.
    public var pins: [String: String]
    /// A PEM bundle to trust instead of the system's CAs (a private PBX certificate).
    public var caFile: String?
    /// Seconds to establish a connection.
    public var connectTimeout: Double
    /// Seconds for a whole API call; audio transfers instead fail after this long without data.
    public var timeout: Double
    public var userAgent: String
    public var api: APIFlavor
    /// Kazoo's account name (what users type at login).
    public var account: String?

    public init(
        serverURL: URL, credentials: Credentials, mailbox: String? = nil, pins: [String: String] = [:],
        caFile: String? = nil, connectTimeout: Double = 10, timeout: Double = 30,
        userAgent: String = "vmtui/1.0", api: APIFlavor = .auto, account: String? = nil
    ) {
        self.api = api
        self.account = account
        self.serverURL = serverURL
        self.credentials = credentials
        self.mailbox = mailbox
        self.pins = pins
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.timeout = timeout
        self.userAgent = userAgent
    }

    /// Parses and checks a server address as users type it ("pbx.example.com" means https;
    /// "host:port" is refused: a port says nothing about TLS, so the user must say which).
    public static func serverURL(from text: String) throws(VoicemailError) -> URL {
        var trimmed = text.trimmingSpaces()
        if trimmed.firstUTF8Range(of: "://") == nil {
            let hostPart = trimmed.split(separator: "/", maxSplits: 1).first.map(String.init) ?? trimmed
            if hostPart.contains(":") { throw .schemeMissing(TerminalSafe.errorDetail(text)) }
            trimmed = "https://" + trimmed
        }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            hasHost(trimmed), components.query == nil,
            let url = components.url
        else {
            throw .invalidServerURL(TerminalSafe.errorDetail(text))
        }
        return url
    }

    /// Whether `scheme://[user@]host[:port][/path]` names a host, read by hand: every host
    /// getter of `URLComponents` (`percentEncodedHost` too) runs the host through ICU's IDNA,
    /// paging its code and normalisation data in at every launch, even for a plain ASCII host.
    static func hasHost(_ url: String) -> Bool {
        guard let marker = url.firstUTF8Range(of: "://") else { return false }
        let authority = url[marker.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            return hostAndPort.distance(from: hostAndPort.startIndex, to: close) > 1
        }
        return !(hostAndPort.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").isEmpty
    }
}
