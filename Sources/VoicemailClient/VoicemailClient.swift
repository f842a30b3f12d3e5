import DisplayText
import FoundationEssentials
import Logging
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// The PBX voicemail API (docs/api.md) over libcurl. Every call is async and runs its
/// blocking transfer on a thread of its own; cancelling the task aborts the transfer.
/// Calls throw `VoicemailError`.
public final class VoicemailClient: Sendable {
    public let configuration: ClientConfiguration
    let logger: Logger
    let session = SessionStore()
    let sessionPINs = SessionPINs()
    let capabilityStore = CapabilityStore()
    let audioLocations = AudioLocations()
    let apiConfirmation = APIConfirmation()

    /// Largest JSON answer accepted (a 1000-message page is far below this).
    static let jsonLimit = 32 * 1024 * 1024
    static let maxRedirects = 5

    public init(configuration: ClientConfiguration, logger: Logger? = nil) {
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "vmtui.client", factory: { _ in SwiftLogNoOpLogHandler() })
        CurlRuntime.prepare()
    }

    /// The mailbox a call acts on: the one asked for, else the configured one.
    func effectiveMailbox(_ mailbox: String?) -> String? {
        mailbox ?? configuration.mailbox
    }

    // MARK: Request pipeline

    struct APICall: Sendable {
        var method = "GET"
        var path: String
        var query: [(String, String)] = []
        var headers: [String] = []
        var body: TransferBody = .none
        var sink: TransferSink = .memory(limit: VoicemailClient.jsonLimit)
        var mailbox: String?
        var resource: String
        /// Audio: redirects followed, stall timeout instead of a total one, no compression.
        var isAudioTransfer = false
        var progress: ProgressHandler?
        var progressIsUpload = false
        /// A full URL to fetch instead of `path` (an audio URL a record carried).
        var absoluteURL: String?
        /// Statuses answered to the caller as they are instead of thrown (a read-only probe).
        var passThrough: Set<Int> = []
        /// A list call: a 404/405 for one's own mailbox, or without an API error envelope, means
        /// the URL is no voicemail API.
        var revealsAPI = false
    }

    /// The call's query with `filter[mailbox]` when it acts in a mailbox and does not say so
    /// already: a change of a message in another user's mailbox then names that mailbox, so a
    /// PBX that keeps ids behind a PIN answers 404 for a message gone from an open mailbox and
    /// 403 only for the shut one (vmtui extension; a PBX without it ignores the parameter).
    static func namingMailbox(_ call: APICall) -> [(String, String)] {
        guard let mailbox = call.mailbox, !call.query.contains(where: { $0.0 == "filter[mailbox]" }) else {
            return call.query
        }
        return [("filter[mailbox]", mailbox)] + call.query
    }

    /// Sends a call with authentication, one re-login on a refused session, redirects for
    /// audio (credentials kept for the same origin only); answers 2xx or 304, else throws.
    func send(_ call: APICall) async throws(VoicemailError) -> TransferResponse {
        if call.method != "GET" { try await confirmVoicemailAPI() }
        var url = call.absoluteURL ?? makeURL(call.path, query: Self.namingMailbox(call))
        var mayRelogin = true
        var redirects = 0
        var sameOrigin = call.absoluteURL.map { Self.isSameOrigin($0, configuration.serverURL) } ?? true
        while true {
            var headers = call.headers
            var usedCookie: String?
            if sameOrigin {
                let auth = try await authorization()
                headers += auth.headers
                usedCookie = auth.cookie
                if let pin = pin(for: call.mailbox) { headers.append("\(APIPath.pinHeader): \(pin)") }
            }
            let response = try await exchange(call, url: url, headers: headers)
            if response.status == 401, let usedCookie, mayRelogin {
                logger.info("session refused, logging in again")
                await session.invalidate(usedCookie)
                mayRelogin = false
                continue
            }
            if call.isAudioTransfer, (300..<400).contains(response.status), response.status != 304,
                let location = response.redirectURL
            {
                redirects += 1
                guard redirects <= Self.maxRedirects else {
                    throw .malformedResponse(expected: "the audio", detail: "more than \(Self.maxRedirects) redirects")
                }
                url = location
                sameOrigin = Self.isSameOrigin(location, configuration.serverURL)
                logger.debug("redirected to \(Self.redact(location)) (same origin: \(sameOrigin))")
                continue
            }
            if (200..<300).contains(response.status) || response.status == 304 { return response }
            if call.passThrough.contains(response.status) { return response }
            // One's own mailbox always exists: a list of it that is "not found" is no voicemail API.
            if call.revealsAPI, [404, 405].contains(response.status), call.mailbox == nil || !Self.isAPIEnvelope(response.body) {
                throw .noVoicemailAPI(url: Self.redact(configuration.serverURL.absoluteString))
            }
            if (300..<400).contains(response.status) {
                throw .unexpectedStatus(status: response.status, reason: response.reasonPhrase)
            }
            throw VoicemailError.from(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase,
                mailbox: call.mailbox, resource: call.resource)
        }
    }

    /// One transfer, logged without secrets.
    func exchange(_ call: APICall, url: String, headers: [String]) async throws(VoicemailError) -> TransferResponse {
        let request = TransferRequest(
            toPBX: configuration, method: call.method, url: url, headers: headers, body: call.body, sink: call.sink,
            isAudio: call.isAudioTransfer, progress: call.progress, progressIsUpload: call.progressIsUpload)
        let started = ContinuousClock.now
        do {
            let response = try await TransferRunner.run(request)
            let elapsed = ContinuousClock.now - started
            logger.debug("\(call.method) \(Self.redact(url)) -> \(response.status) in \(elapsed)")
            return response
        } catch {
            logger.notice("\(call.method) \(Self.redact(url)) failed: \(error.message)")
            throw error
        }
    }

    struct Authorization {
        var headers: [String]
        var cookie: String?
    }

    private func authorization() async throws(VoicemailError) -> Authorization {
        switch configuration.credentials {
        case .bearer(let token):
            return Authorization(headers: ["Authorization: Bearer \(token)"])
        case .basic(let ext, let password):
            let encoded = Data("\(ext):\(password)".utf8).base64EncodedString()
            return Authorization(headers: ["Authorization: Basic \(encoded)"])
        case .session:
            do {
                let cookie = try await session.cookie { [self] in try await performLogin().cookie }
                return Authorization(headers: ["Cookie: \(cookie)"], cookie: cookie)
            } catch {
                throw VoicemailError(error)
            }
        }
    }

    private func pin(for mailbox: String?) -> String? {
        guard let mailbox = mailbox ?? configuration.mailbox else { return nil }
        return pin(forMailbox: mailbox)
    }

    /// `POST /api/v1/personal/login`: the session cookie and who we are. The answer's shape
    /// and the cookie's name are not public: every cookie it sets is kept, and an answer that
    /// does not say who we are means the extension we logged in with.
    func performLogin() async throws(VoicemailError) -> (cookie: String, account: AccountInfo) {
        guard case .session(let ext, let password) = configuration.credentials else {
            throw .missingCredentials("session login needs an extension and a password")
        }
        let form = "login=\(FormEncoding.encode(ext))&password=\(FormEncoding.encode(password))"
        let call = APICall(
            method: "POST", path: APIPath.login,
            headers: ["Accept: application/json"],
            body: .data(Data(form.utf8), contentType: "application/x-www-form-urlencoded"),
            resource: "login")
        let response = try await exchange(call, url: makeURL(APIPath.login, query: []), headers: call.headers)
        guard (200..<300).contains(response.status) else {
            throw VoicemailError.from(
                status: response.status, body: response.body, reasonPhrase: response.reasonPhrase,
                mailbox: nil, resource: "login")
        }
        if let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body), envelope.type == "error" {
            throw .unauthorized(reason: TerminalSafe.line(envelope.reason, maxLength: 160))
        }
        guard let cookie = SessionCookies.header(from: response.cookies) else {
            throw .malformedResponse(expected: "a session cookie", detail: "login answered \(response.status) without one")
        }
        var account = (try? JSONDecoder().decode(ResultEnvelope<AccountInfo>.self, from: response.body))?.result
        if account?.extension.isEmpty ?? true { account = AccountInfo(extension: ext, name: account?.name) }
        logger.info("logged in as \(ext)")
        return (cookie, account ?? AccountInfo(extension: ext, name: nil))
    }

    // MARK: Helpers

    func makeURL(_ path: String, query: [(String, String)]) -> String {
        var base = configuration.serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard !query.isEmpty else { return base + path }
        let encoded = query.map { "\($0.0)=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return base + path + "?" + encoded
    }

    func decode<T: Codable & Sendable>(_ type: T.Type, from response: TransferResponse, expected: String)
        throws(VoicemailError) -> T
    {
        do {
            let result = try JSONDecoder().decode(ResultEnvelope<T>.self, from: response.body).result
            apiConfirmation.confirm()
            return result
        } catch {
            guard Self.isAPIEnvelope(response.body) else {
                throw .noVoicemailAPI(url: Self.redact(configuration.serverURL.absoluteString))
            }
            // Some back ends answer 200 with an error envelope.
            if let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body),
                envelope.type == "error"
            {
                throw VoicemailError.from(
                    status: envelope.code == nil ? 500 : response.status, body: response.body,
                    reasonPhrase: response.reasonPhrase, mailbox: nil, resource: expected)
            }
            throw .malformedResponse(expected: expected, detail: DecodingDetail.describe(error, body: response.body))
        }
    }

    /// True when `body` is a JSON object shaped like this API's answers (`type` or `result`).
    static func isAPIEnvelope(_ body: Data) -> Bool {
        guard let object = LooseJSON.object(body) else { return false }
        return object["type"] != nil || object["result"] != nil
    }

    static func isSameOrigin(_ url: String, _ server: URL) -> Bool {
        guard let target = URLComponents(string: url), let base = URLComponents(url: server, resolvingAgainstBaseURL: false)
        else { return false }
        func port(_ c: URLComponents) -> Int { c.port ?? (c.scheme?.lowercased() == "https" ? 443 : 80) }
        return target.scheme?.lowercased() == base.scheme?.lowercased()
            && target.host?.lowercased() == base.host?.lowercased() && port(target) == port(base)
    }

    /// URLs carry no secrets in this API, but user:password@ in a server URL would.
    static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil || components.user != nil
        else { return url }
        components.user = nil
        components.password = nil
        return components.string ?? "<url>"
    }

    static func encodeID(_ id: String) -> String {
        FormEncoding.encode(id)
    }
}

enum FormEncoding {
    /// RFC 3986's unreserved characters stay; every other UTF-8 byte becomes %XX (upper case),
    /// as Foundation's `addingPercentEncoding(withAllowedCharacters:)` wrote them.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A short human description of why a body did not decode.
enum DecodingDetail {
    /// JSON, but not shaped as the vendor's answer should be. (Foundation's CocoaError said
    /// `Error Domain=NSCocoaErrorDomain Code=4864 …` here, which told a user nothing.)
    struct WrongShape: Error, CustomStringConvertible {
        var description: String { "JSON, but not in the shape expected" }
    }

    static func describe(_ error: any Error, body: Data) -> String {
        if body.isEmpty { return "empty body" }
        guard LooseJSON.parse(body, fragments: true) != nil else {
            let start = String(decoding: body.prefix(40), as: UTF8.self)
            return "not JSON: \"\(TerminalSafe.line(start, maxLength: 40))\""
        }
        guard let error = error as? DecodingError else { return TerminalSafe.errorDetail(String(describing: error)) }
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return TerminalSafe.line("\(context.debugDescription) at \(path(context.codingPath))", maxLength: 160)
        @unknown default:
            return "undecodable"
        }
    }
}
