import Foundation
import Hummingbird
import VoicemailModel

/// Reading request bodies with the contract's limits.
enum RequestBodies {
    /// At most `limit` bytes, kept in memory (small JSON and form bodies only); more is 413
    /// `too_large` and the rest is left for the error answer to discard.
    static func collect(_ request: Request, context: SimulatorContext, limit: Int) async throws -> Data {
        try refuseAnnounced(request, limit: limit, what: "The body")
        let stream = context.body.stream(for: request)
        var buffer = ByteBuffer()
        while let chunk = try await stream.next() {
            guard buffer.readableBytes + chunk.readableBytes <= limit else {
                throw APIError.tooLarge("The body is over \(ByteCount.describe(limit))")
            }
            var chunk = chunk
            buffer.writeBuffer(&chunk)
        }
        return Data(buffer.readableBytesView)
    }

    /// A Content-Length over the limit is refused before a byte is read.
    static func refuseAnnounced(_ request: Request, limit: Int, what: String) throws {
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > limit {
            throw APIError.tooLarge("\(what) is over \(ByteCount.describe(limit))")
        }
    }

    /// Audio for a deposit or greeting, streamed into a staged file (never whole in memory):
    /// present, WAV or MP3 by content, measurable, ≤ 180 s. The caller owns the file.
    static func stageAudio(
        _ request: Request, context: SimulatorContext, staging: UploadStaging
    ) async throws -> StagedAudio {
        let limit = VoicemailLimits.maxAudioBytes
        try refuseAnnounced(request, limit: limit, what: "The audio")
        let file = try staging.makeFile()
        do {
            let stream = context.body.stream(for: request)
            var size = 0
            while let chunk = try await stream.next() {
                size += chunk.readableBytes
                guard size <= limit else { throw APIError.tooLarge("The audio is over \(ByteCount.describe(limit))") }
                try file.append(chunk.readableBytesView)
            }
            try file.finish()
            guard size > 0 else { throw APIError.badRequest("The audio is empty") }
            // Mapped, not read: the pages belong to the file, so a 20 MiB upload costs no heap.
            let mapped = try Data(contentsOf: file.url, options: .alwaysMapped)
            let info: AudioInspector.Info
            switch AudioInspector.inspect(mapped) {
            case .success(let value): info = value
            case .failure(let failure): throw APIError(failure)
            }
            guard info.wholeSeconds <= VoicemailLimits.maxDurationSeconds else {
                throw APIError(
                    status: .contentTooLarge, code: .tooLong,
                    reason: "The audio lasts \(info.wholeSeconds) s; at most \(VoicemailLimits.maxDurationSeconds) s are allowed")
            }
            return StagedAudio(url: file.url, size: size, info: info)
        } catch {
            file.discard()
            throw error
        }
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

/// Sizes as people read them: "64 KiB", "20 MiB", "100 bytes".
enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        let mib = 1024 * 1024
        if bytes >= mib, bytes % mib == 0 { return "\(bytes / mib) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
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
