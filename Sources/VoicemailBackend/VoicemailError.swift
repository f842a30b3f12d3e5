import DisplayText
import FoundationEssentials
import SystemBasics
import VoicemailModel

/// Everything that can go wrong talking to the PBX, each rendering as one line that names
/// the cause (see `message`). Never carries secrets: server-provided text is sanitised.
public enum VoicemailError: Error, Sendable, Equatable {
    // Local, before any request.
    case invalidServerURL(String)
    /// "host:port" without http:// or https://.
    case schemeMissing(String)
    case missingCredentials(String)
    case localFile(path: String, reason: String)
    case cancelled
    /// The backend lacks what was asked; nothing was sent or changed.
    case unsupported(BackendCapability)
    /// A greeting type this PBX does not have (`has`: the ones it has); nothing was sent.
    case noSuchGreetingType(GreetingType, has: [GreetingType])

    // Transport.
    case cannotConnect(endpoint: String, reason: String)
    case hostNotFound(host: String)
    case tlsFailure(endpoint: String, detail: String, certificateProblem: Bool)
    case connectTimeout(endpoint: String, seconds: Double)
    case responseTimeout(endpoint: String, seconds: Double)
    case stalled(endpoint: String, seconds: Double)
    case connectionLost(endpoint: String, detail: String)
    case transport(endpoint: String, detail: String)

    // Answers from the server.
    case unauthorized(reason: String)
    case forbidden(mailbox: String?, reason: String)
    case pinRequired(mailbox: String?)
    case pinWrong(mailbox: String?)
    case notFound(what: String, reason: String)
    case mailboxFull(mailbox: String?, reason: String)
    case tooLong(reason: String)
    case tooLarge(reason: String)
    case unsupportedMediaType(reason: String)
    case badRequest(reason: String)
    case conflict(reason: String)
    case serverError(status: Int, reason: String)
    case unexpectedStatus(status: Int, reason: String)
    case malformedResponse(expected: String, detail: String)
    /// The address answers, but not as a voicemail API (a web page, another service, a wrong path).
    case noVoicemailAPI(url: String)
    /// A forward target that is not an extension of the PBX.
    case noExtension(String)
    /// The server said yes to a change but the message is not in the state asked for
    /// (a PBX that ignores the request body, for instance). `detail` says what it is instead.
    case notApplied(what: String, detail: String)
    /// Audio that does not belong to the message (another format, size or length); nothing kept.
    case wrongAudio(id: String, detail: String)

    /// Broad families, for exit codes and for deciding what the UI may retry.
    public enum Kind: Sendable, Equatable {
        case usage, local, cancelled, unsupported, network, authentication, permission, notFound, rejected, server
    }

    public var kind: Kind {
        switch self {
        case .invalidServerURL, .schemeMissing, .missingCredentials: .usage
        case .localFile: .local
        case .cancelled: .cancelled
        case .unsupported, .noSuchGreetingType: .unsupported
        case .cannotConnect, .hostNotFound, .tlsFailure, .connectTimeout, .responseTimeout, .stalled,
            .connectionLost, .transport:
            .network
        case .unauthorized: .authentication
        case .forbidden, .pinRequired, .pinWrong: .permission
        case .notFound: .notFound
        case .mailboxFull, .tooLong, .tooLarge, .unsupportedMediaType, .badRequest, .conflict: .rejected
        case .noExtension: .notFound
        case .serverError, .unexpectedStatus, .malformedResponse, .noVoicemailAPI, .notApplied, .wrongAudio: .server
        }
    }

    /// One line, no trailing period, naming the cause.
    public var message: String {
        switch self {
        case .invalidServerURL(let url):
            "invalid server URL \"\(url)\" (expected http://host[:port] or https://host[:port])"
        case .schemeMissing(let text):
            "server \"\(text)\" has no scheme: add http:// or https:// (e.g. http://\(text))"
        case .missingCredentials(let detail):
            "no credentials: \(detail)"
        case .localFile(let path, let reason):
            "\(path): \(reason)"
        case .cancelled:
            "cancelled"
        case .unsupported(let capability):
            capability.refusal
        case .noSuchGreetingType(let type, let has):
            "this PBX has no \(type.displayName.lowercased()) greeting"
                + (has.isEmpty ? "" : " (it has: \(has.map { $0.displayName.lowercased() }.joined(separator: ", ")))")
        case .cannotConnect(let endpoint, let reason):
            "cannot connect to \(endpoint) (\(reason))"
        case .hostNotFound(let host):
            "cannot resolve host \"\(host)\" (DNS lookup failed)"
        case .tlsFailure(let endpoint, let detail, let certificateProblem):
            certificateProblem
                ? "TLS certificate of \(endpoint) not trusted (\(detail)); use --ca-file (or ca_file in the config) to trust a private CA"
                : "TLS handshake with \(endpoint) failed (\(detail))"
        case .connectTimeout(let endpoint, let seconds):
            "connect timeout: no connection to \(endpoint) within \(Self.seconds(seconds))"
        case .responseTimeout(let endpoint, let seconds):
            "timeout: \(endpoint) did not answer within \(Self.seconds(seconds)) (see --timeout)"
        case .stalled(let endpoint, let seconds):
            "transfer from \(endpoint) stalled: no data for \(Self.seconds(seconds))"
        case .connectionLost(let endpoint, let detail):
            "connection to \(endpoint) lost (\(detail))"
        case .transport(let endpoint, let detail):
            "request to \(endpoint) failed (\(detail))"
        case .unauthorized(let reason):
            "authentication failed: bad credentials (401 \(reason))"
        case .forbidden(let mailbox, let reason):
            "no permission for \(Self.mailbox(mailbox)) (403 \(reason))"
        case .pinRequired(let mailbox):
            "\(Self.mailbox(mailbox)) needs a PIN (403 PIN required)"
        case .pinWrong(let mailbox):
            "wrong PIN for \(Self.mailbox(mailbox)) (403)"
        case .notFound(let what, let reason):
            "\(what) not found, perhaps already deleted (404 \(reason))"
        case .mailboxFull(let mailbox, let reason):
            "\(Self.mailbox(mailbox)) is full (409 \(reason))"
        case .tooLong(let reason):
            "audio too long (413 \(reason))"
        case .tooLarge(let reason):
            "audio file too large (413 \(reason))"
        case .unsupportedMediaType(let reason):
            "unsupported audio format, WAV or MP3 expected (415 \(reason))"
        case .badRequest(let reason):
            "request refused by the server (400 \(reason))"
        case .conflict(let reason):
            "conflict (409 \(reason))"
        case .serverError(let status, let reason):
            "server error \(status): \(reason)"
        case .unexpectedStatus(let status, let reason):
            "unexpected answer \(status) \(reason)"
        case .malformedResponse(let expected, let detail):
            "malformed response from the server: expected \(expected) (\(detail))"
        case .noVoicemailAPI(let url):
            "no voicemail API at \(url); check --server"
        case .noExtension(let target):
            "no extension \(target)"
        case .notApplied(let what, let detail):
            "the PBX answered OK but did not \(what): \(detail)"
        case .wrongAudio(let id, let detail):
            "refused the audio of message \(id): \(detail); nothing was kept"
        }
    }

    private static func mailbox(_ mailbox: String?) -> String {
        mailbox.map { "mailbox \($0)" } ?? "this mailbox"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(FixedDecimal.text(value, places: 1)) s"
    }
}

extension VoicemailError: LocalizedError, CustomStringConvertible {
    public var description: String { message }
    public var errorDescription: String? { message }
}

extension VoicemailError {
    /// Any error as a VoicemailError (cancellation and unknown errors included).
    public init(_ error: any Error) {
        if let error = error as? VoicemailError {
            self = error
        } else if error is CancellationError {
            self = .cancelled
        } else {
            self = .transport(endpoint: "server", detail: TerminalSafe.errorDetail(String(describing: error)))
        }
    }
}
