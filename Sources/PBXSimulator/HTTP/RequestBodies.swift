import Foundation
import Hummingbird
import VoicemailModel

/// Reading request bodies with the contract's limits.
enum RequestBodies {
    /// At most `limit` bytes; more is 413 `too_large` (the rest is not read).
    static func collect(_ request: Request, limit: Int) async throws -> Data {
        var buffer = ByteBuffer()
        for try await chunk in request.body {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                throw APIError(
                    status: .contentTooLarge, code: .tooLarge,
                    reason: "The body is over \(limit / (1024 * 1024)) MiB")
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return Data(buffer.readableBytesView)
    }

    /// Audio for a deposit or greeting: present, WAV or MP3 by content, measurable, ≤ 180 s.
    static func audio(_ request: Request) async throws -> (data: Data, info: AudioInspector.Info) {
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > VoicemailLimits.maxAudioBytes {
            throw APIError(status: .contentTooLarge, code: .tooLarge, reason: "The audio is over 20 MiB")
        }
        let data = try await collect(request, limit: VoicemailLimits.maxAudioBytes)
        guard !data.isEmpty else { throw APIError.badRequest("The audio is empty") }
        let info: AudioInspector.Info
        switch AudioInspector.inspect(data) {
        case .success(let value): info = value
        case .failure(let failure): throw APIError(failure)
        }
        guard info.wholeSeconds <= VoicemailLimits.maxDurationSeconds else {
            throw APIError(
                status: .contentTooLarge, code: .tooLong,
                reason: "The audio lasts \(info.wholeSeconds) s; at most \(VoicemailLimits.maxDurationSeconds) s are allowed")
        }
        return (data, info)
    }

    /// A JSON object body; malformed JSON is 400 with the decoder's explanation.
    static func json<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as APIError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw APIError.badRequest("Malformed JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, _) {
            throw APIError.badRequest("Missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw APIError.badRequest("Wrong type at \(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw APIError.badRequest("Malformed JSON body")
        }
    }
}

/// The PUT body, lenient as the contract asks clients to be (`"read":"yes"`, a folder digit).
struct UpdateBody: Decodable {
    var read: Bool?
    var folder: Folder?

    enum CodingKeys: String, CodingKey { case read, folder }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        read = try c.lenientBool(.read)
        if let text = try c.lenientString(.folder) {
            guard let folder = Folder(userInput: text) else {
                throw APIError.badRequest("Unknown folder \"\(text)\"")
            }
            self.folder = folder
        }
    }
}
