import DisplayText
import FoundationEssentials
import VoicemailBackend
import VoicemailModel

/// Error answers of the vendor APIs as vmtui's errors, with the server's own words:
/// Wazo `{"message","error_id","details":{"reason"…}}`, Kazoo
/// `{"status":"error","error":"<code>","message":…,"data":{…}}`. The status decides the
/// family (401 credentials, 403 permission, 404 not found, 5xx server), so exit codes match
/// those of the other backends.
enum VendorError {
    static func map(status: Int, body: Data, reasonPhrase: String, mailbox: String?, resource: String) -> VoicemailError {
        let reason = serverReason(body) ?? (reasonPhrase.isEmpty ? HTTPStatus.phrase(status) : reasonPhrase)
        switch status {
        case 400, 422: return .badRequest(reason: reason)
        case 401: return .unauthorized(reason: reason)
        case 403: return .forbidden(mailbox: mailbox, reason: reason)
        case 404, 410: return .notFound(what: resource, reason: reason)
        case 405, 501: return .badRequest(reason: reason)
        case 409: return .conflict(reason: reason)
        case 413: return .tooLarge(reason: reason)
        case 415: return .unsupportedMediaType(reason: reason)
        case 500...599: return .serverError(status: status, reason: reason)
        default: return .unexpectedStatus(status: status, reason: reason)
        }
    }

    /// "message (error_id) [reason]" for wazo-calld, wazo-auth's `reason`, "message - detail" for Kazoo, sanitised to one line.
    static func serverReason(_ body: Data) -> String? {
        guard let object = RESTTransport.object(body) else { return nil }
        var parts: [String] = []
        if let message = object["message"] as? String, !message.isEmpty { parts.append(message) }
        // wazo-auth: {"reason": ["Authentication Failed"], "status_code": 401}.
        if parts.isEmpty, let reasons = object["reason"] as? [String], let first = reasons.first { parts.append(first) }
        if let errorID = object["error_id"] as? String, !errorID.isEmpty { parts.append("(\(errorID))") }
        if let details = object["details"] as? [String: Any], let why = details["reason"] as? String {
            parts.append("[\(why)]")
        }
        // Kazoo puts the specific cause under data: {"field": {"rule": {"message": …}}} or {"message": …}.
        if let data = object["data"] as? [String: Any], let detail = firstMessage(in: data), !parts.contains(detail) {
            parts.append("- \(detail)")
        }
        guard !parts.isEmpty else { return nil }
        return TerminalSafe.line(parts.joined(separator: " "), maxLength: 160)
    }

    private static func firstMessage(in object: [String: Any], depth: Int = 0) -> String? {
        if let message = object["message"] as? String, !message.isEmpty { return message }
        guard depth < 3 else { return nil }
        for key in object.keys.sorted() {
            if let inner = object[key] as? [String: Any], let found = firstMessage(in: inner, depth: depth + 1) { return found }
        }
        return nil
    }
}
