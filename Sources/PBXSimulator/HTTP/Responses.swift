import Foundation
import HTTPTypes
import Hummingbird
import VoicemailModel

/// JSON answers in the contract's envelope.
enum Responses {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json<T: Codable & Sendable>(
        _ result: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        let data = try encoder.encode(ResultEnvelope(result))
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The error envelope. `withCode: false` leaves out vmtui's `code` (the strict Wildix
    /// flavor sends only what Wildix documents).
    static func error(_ error: APIError, withCode: Bool = true) -> Response {
        var envelope = ErrorEnvelope(reason: error.reason)
        if withCode { envelope.code = error.code }
        let data = (try? encoder.encode(envelope)) ?? Data()
        // No WWW-Authenticate on 401, like the PBX's JSON API: HTTP stacks that see one start
        // a credential challenge instead of handing the envelope to the client.
        var headers = error.headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"type":"result","result":null}`: Wildix's answer shape when a change has nothing to say.
    static func nullResult() -> Response {
        let data = Data(#"{"result":null,"type":"result"}"#.utf8)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A list or Mailboxes answer with its ETag, or 304 when the client already has it.
    /// `etag` nil: no conditional answers (the strict Wildix flavor has none).
    static func conditionalJSON<T: Codable & Sendable>(_ result: T, etag: String?, request: Request) throws -> Response {
        guard let etag else { return try json(result) }
        if let unchanged = notModified(etag: etag, request: request) { return unchanged }
        return try json(result, headers: [.eTag: etag])
    }

    /// 304 when the request's If-None-Match names `etag`: checked before an answer is built,
    /// so an unchanged list of a huge mailbox costs nothing.
    static func notModified(etag: String?, request: Request) -> Response? {
        guard let etag, let header = request.headers[.ifNoneMatch], ETag.matches(header, etag) else { return nil }
        return Response(status: .notModified, headers: [.eTag: etag])
    }
}

/// ETags derived from the mailboxes' change counters, the server's boot id (so a restart
/// never reuses a tag for different content) and the exact query.
enum ETag {
    static func make(bootID: String, parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "\u{1}").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return "\"\(bootID)-\(String(hash, radix: 16))\""
    }

    /// `If-None-Match: "a", W/"b"` or `*`; weak comparison as RFC 9110 asks for GET.
    static func matches(_ header: String, _ etag: String) -> Bool {
        let strip: (Substring) -> Substring = { tag in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return Substring(trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed)
        }
        return header.split(separator: ",").contains { tag in
            let value = strip(tag)
            return value == "*" || value == strip(Substring(etag))
        }
    }
}
