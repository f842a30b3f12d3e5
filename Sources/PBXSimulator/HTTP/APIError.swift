import HTTPTypes
import VoicemailModel

/// An error answer: HTTP status, the envelope's `reason`, and the vmtui `code`.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var code: ErrorCode
    var reason: String

    static func badRequest(_ reason: String) -> APIError { .init(status: .badRequest, code: .badRequest, reason: reason) }
    static let unauthorized = APIError(status: .unauthorized, code: .unauthorized, reason: "Unauthorized")
    static func forbidden(_ reason: String) -> APIError { .init(status: .forbidden, code: .forbidden, reason: reason) }
    static func notFound(_ reason: String) -> APIError { .init(status: .notFound, code: .notFound, reason: reason) }
    static func mailboxFull(_ reason: String) -> APIError { .init(status: .conflict, code: .mailboxFull, reason: reason) }
    static func serverError(_ reason: String) -> APIError {
        .init(status: .internalServerError, code: .serverError, reason: reason)
    }
    static let pinRequired = APIError(status: .forbidden, code: .pinRequired, reason: "This mailbox needs the owner's PIN")
    static let pinWrong = APIError(status: .forbidden, code: .pinWrong, reason: "Wrong PIN")
    static func methodNotAllowed(_ method: String) -> APIError {
        .init(status: .methodNotAllowed, code: .badRequest, reason: "\(method) is not allowed here")
    }

    init(status: HTTPResponse.Status, code: ErrorCode, reason: String) {
        self.status = status
        self.code = code
        self.reason = reason
    }

    init(_ error: StoreError) {
        switch error {
        case .notFound(let reason): self = .notFound(reason)
        case .mailboxFull(let reason): self = .mailboxFull(reason)
        case .badRequest(let reason): self = .badRequest(reason)
        case .busy(let reason): self = .init(status: .serviceUnavailable, code: .conflict, reason: reason)
        case .io(let reason): self = .serverError("storage error: \(reason)")
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
