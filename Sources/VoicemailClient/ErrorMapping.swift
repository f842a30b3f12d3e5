import DisplayText
import FoundationEssentials
import VoicemailBackend
import VoicemailModel

extension VoicemailError {
    /// Maps an HTTP error answer to a typed error. Uses the envelope's `code` when the server
    /// sends one (pbx-sim does), else the status and the envelope's `reason` (a real PBX).
    static func from(
        status: Int, body: Data, reasonPhrase: String, mailbox: String?, resource: String
    ) -> VoicemailError {
        let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: body)
        let serverReason = envelope.map { TerminalSafe.line($0.reason, maxLength: 160) } ?? ""
        let fallback = reasonPhrase.isEmpty ? HTTPStatus.phrase(status) : reasonPhrase
        let reason = serverReason.isEmpty ? fallback : serverReason
        let code = envelope?.code.flatMap(ErrorCode.init(rawValue:))
        let lowered = reason.lowercased()

        switch code {
        case .unauthorized: return .unauthorized(reason: reason)
        case .forbidden: return .forbidden(mailbox: mailbox, reason: reason)
        case .pinRequired: return .pinRequired(mailbox: mailbox)
        case .pinWrong: return .pinWrong(mailbox: mailbox)
        case .notFound: return .notFound(what: resource, reason: reason)
        case .mailboxFull: return .mailboxFull(mailbox: mailbox, reason: reason)
        case .tooLong: return .tooLong(reason: reason)
        case .tooLarge: return .tooLarge(reason: reason)
        case .unsupportedMediaType: return .unsupportedMediaType(reason: reason)
        case .badRequest: return .badRequest(reason: reason)
        case .conflict: return .conflict(reason: reason)
        case .serverError: return .serverError(status: status, reason: reason)
        case nil: break
        }

        switch status {
        case 400: return .badRequest(reason: reason)
        case 401: return .unauthorized(reason: reason)
        case 403:
            guard lowered.contains("pin") else { return .forbidden(mailbox: mailbox, reason: reason) }
            let wrong = ["wrong", "invalid", "incorrect", "bad"].contains { lowered.contains($0) }
            return wrong ? .pinWrong(mailbox: mailbox) : .pinRequired(mailbox: mailbox)
        case 404, 410: return .notFound(what: resource, reason: reason)
        case 409:
            return lowered.contains("full") || lowered.contains("limit") || lowered.contains("capacity")
                ? .mailboxFull(mailbox: mailbox, reason: reason) : .conflict(reason: reason)
        case 413:
            let long = ["long", "second", "duration"].contains { lowered.contains($0) }
            return long ? .tooLong(reason: reason) : .tooLarge(reason: reason)
        case 415: return .unsupportedMediaType(reason: reason)
        case 500...599: return .serverError(status: status, reason: reason)
        default: return .unexpectedStatus(status: status, reason: reason)
        }
    }
}

enum HTTPStatus {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 415: "Unsupported Media Type"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "HTTP \(status)"
        }
    }
}
