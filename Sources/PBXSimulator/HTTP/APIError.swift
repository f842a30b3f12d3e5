import HTTPTypes
import VoicemailModel

/// An error answer: HTTP status, the envelope's `reason`, the vmtui `code`, and any headers
/// the status needs (Retry-After).
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    /// `ErrorCode`'s raw values, plus the simulator's own for limits the model does not name.
    var code: String
    var reason: String
    var headers: HTTPFields = [:]

    static func badRequest(_ reason: String) -> APIError { .init(status: .badRequest, code: .badRequest, reason: reason) }
    static let unauthorized = APIError(status: .unauthorized, code: .unauthorized, reason: "Unauthorized")
    static func forbidden(_ reason: String) -> APIError { .init(status: .forbidden, code: .forbidden, reason: reason) }
    static func notFound(_ reason: String) -> APIError { .init(status: .notFound, code: .notFound, reason: reason) }
    static let noEndpoint = notFound("No such endpoint")
    static func mailboxFull(_ reason: String) -> APIError { .init(status: .conflict, code: .mailboxFull, reason: reason) }
    static func serverError(_ reason: String) -> APIError {
        .init(status: .internalServerError, code: .serverError, reason: reason)
    }
    static let pinRequired = APIError(status: .forbidden, code: .pinRequired, reason: "This mailbox needs the owner's PIN")
    static let pinWrong = APIError(status: .forbidden, code: .pinWrong, reason: "Wrong PIN")
    static func methodNotAllowed(_ method: String) -> APIError {
        .init(status: .methodNotAllowed, code: .badRequest, reason: "\(method) is not allowed here")
    }
    static func tooLarge(_ reason: String) -> APIError { .init(status: .contentTooLarge, code: .tooLarge, reason: reason) }

    /// 429 after too many failed logins or PINs; `what` names the attempt ("logins", "PINs").
    static func tooManyAttempts(_ what: String, retryAfter seconds: Int) -> APIError {
        var error = APIError(
            status: .tooManyRequests, code: "too_many_attempts",
            reason: "Too many failed \(what); try again in \(seconds) s")
        error.headers[.retryAfter] = String(seconds)
        return error
    }

    /// 503 while the server already receives as many uploads as it allows.
    static func busy(_ reason: String, retryAfter seconds: Int) -> APIError {
        var error = APIError(status: .serviceUnavailable, code: "busy", reason: reason)
        error.headers[.retryAfter] = String(seconds)
        return error
    }

    init(status: HTTPResponse.Status, code: ErrorCode, reason: String) {
        self.init(status: status, code: code.rawValue, reason: reason)
    }

    init(status: HTTPResponse.Status, code: String, reason: String) {
        self.status = status
        self.code = code
        self.reason = reason
    }

    /// Storage failures: an I/O error's text names server paths, so the answer says only
    /// that storage failed (the log has the details).
    init(_ error: StoreError) {
        switch error {
        case .notFound(let reason): self = .notFound(reason)
        case .mailboxFull(let reason): self = .mailboxFull(reason)
        case .badRequest(let reason): self = .badRequest(reason)
        case .io: self = .serverError("Storage error; the server log has the details")
        }
    }

    init(_ failure: AudioInspector.Failure) {
        switch failure {
        case .unsupported:
            self.init(status: .unsupportedMediaType, code: .unsupportedMediaType, reason: "Audio must be WAV or MP3")
        case .unreadable(let why):
            self = .badRequest("Unreadable audio: \(why)")
        }
    }
}
