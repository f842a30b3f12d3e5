import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON answers of the vendor faces, shaped by hand (`JSONSerialization`): neither vendor
/// wraps answers in the Wildix envelope.
enum FaceJSON {
    /// Both vendors' token header.
    static let authToken = HTTPField.Name("X-Auth-Token")!

    static func response(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func noContent() -> Response { Response(status: .noContent) }

    /// The request body as a JSON object (an empty body is `{}`); anything else is a 400 the
    /// caller shapes.
    static func object(_ request: Request, context: SimulatorContext) async throws -> [String: Any] {
        let data = try await RequestBodies.collect(request, context: context, limit: 64 * 1024)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw APIError.badRequest("The body is not a JSON object")
        }
        return object
    }

    static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as NSNumber: number.intValue
        case let text as String: Int(text)
        default: nil
        }
    }

    /// ISO 8601 as both vendors write dates in JSON.
    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The user and password of an `Authorization: Basic` header.
    static func basic(_ request: Request) -> (user: String, password: String)? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
