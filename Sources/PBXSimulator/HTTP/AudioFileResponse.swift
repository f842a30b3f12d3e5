import Foundation
import Hummingbird
import VoicemailModel

/// Serves an audio file from disk in chunks (never read whole), honouring
/// `Range: bytes=START-[END]` and `bytes=-SUFFIX` with 206, or 416 when unsatisfiable.
enum AudioFileResponse {
    static let chunkSize = 64 * 1024

    static func make(file url: URL, format: AudioFormat, request: Request) throws -> Response {
        // Opening first pins the inode: a concurrent delete or renumbering cannot change
        // what this answer sends.
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw APIError.notFound("Audio is gone") }
        return make(handle: handle, format: format, request: request)
    }

    /// Serves an already opened file (the caller checked it is the right one) and closes it.
    static func make(handle: FileHandle, format: AudioFormat, request: Request) -> Response {
        let size = Int((try? handle.seekToEnd()) ?? 0)
        var headers: HTTPFields = [
            .contentType: format.mimeType,
            .acceptRanges: "bytes",
        ]
        var status = HTTPResponse.Status.ok
        var range = 0..<size
        if let header = request.headers[.range] {
            switch ByteRange.parse(header, size: size) {
            case .whole:
                break
            case .partial(let requested):
                status = .partialContent
                range = requested
                headers[.contentRange] = "bytes \(requested.lowerBound)-\(requested.upperBound - 1)/\(size)"
            case .unsatisfiable:
                try? handle.close()
                headers[.contentRange] = "bytes */\(size)"
                var response = Responses.error(
                    APIError(status: .rangeNotSatisfiable, code: .badRequest, reason: "Range not satisfiable"))
                response.headers[.contentRange] = "bytes */\(size)"
                response.headers[.acceptRanges] = "bytes"
                return response
            }
        }
        headers[.contentLength] = String(range.count)
        if request.method == .head {
            try? handle.close()
            return Response(status: status, headers: headers)
        }
        let range_ = range
        let body = ResponseBody(contentLength: range.count) { writer in
            let range = range_
            defer { try? handle.close() }
            try handle.seek(toOffset: UInt64(range.lowerBound))
            var remaining = range.count
            while remaining > 0 {
                guard let data = try handle.read(upToCount: min(chunkSize, remaining)), !data.isEmpty else { break }
                remaining -= data.count
                try await writer.write(ByteBuffer(bytes: data))
            }
            try await writer.finish(nil)
        }
        return Response(status: status, headers: headers, body: body)
    }
}

/// One `bytes=` range (multipart ranges are answered with the whole file, which RFC 9110
/// allows).
enum ByteRange: Equatable {
    case whole
    case partial(Range<Int>)
    case unsatisfiable

    static func parse(_ header: String, size: Int) -> ByteRange {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst(6)
        guard !spec.contains(",") else { return .whole }
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return .whole }
        let startText = parts[0].trimmingCharacters(in: .whitespaces)
        let endText = parts[1].trimmingCharacters(in: .whitespaces)
        if startText.isEmpty {
            // Suffix: the last N bytes.
            guard let suffix = digits(endText) else { return .whole }
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .partial((suffix >= size ? 0 : size - suffix)..<size)
        }
        guard let start = digits(startText) else { return .whole }
        guard start < size else { return .unsatisfiable }
        if endText.isEmpty { return .partial(start..<size) }
        guard let end = digits(endText), end >= start else { return .whole }
        // `end` may be anything up to Int.max: clamp before adding one.
        return .partial(start..<(min(end, size - 1) + 1))
    }

    /// RFC 9110 positions are plain digits (no sign, no spaces inside). A number too big for
    /// Int saturates: it can only mean "past the end", which the callers clamp or refuse.
    static func digits(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var value = 0
        for byte in text.utf8 {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (added, overflow2) = shifted.addingReportingOverflow(Int(byte - 0x30))
            if overflow1 || overflow2 { return Int.max }
            value = added
        }
        return value
    }
}
