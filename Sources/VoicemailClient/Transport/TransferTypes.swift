import FoundationEssentials
import VoicemailBackend

/// What a request sends.
enum TransferBody: Sendable {
    case none
    case data(Data, contentType: String)
    /// Streamed from the file with a read callback, never loaded whole.
    case file(URL, contentType: String)
}

/// Where a successful (2xx) response body goes. Error bodies always go to memory.
enum TransferSink: Sendable {
    /// Kept in memory, up to `limit` bytes (larger answers fail as malformed).
    case memory(limit: Int)
    /// Written to the open file descriptor as bytes arrive (unbuffered, so a reader can
    /// follow the growing file).
    case fileDescriptor(Int32)
    /// Handed to the callback chunk by chunk.
    case chunks(@Sendable (Data) -> Void)
}



struct TransferRequest: Sendable {
    var method: String
    var url: String
    /// "Name: value" lines; secrets live here, so this is never logged as is.
    var headers: [String]
    var body: TransferBody = .none
    var sink: TransferSink = .memory(limit: 32 * 1024 * 1024)
    var connectTimeout: Double
    /// Whole-transfer limit for API calls; nil for audio, which uses `stallTimeout`.
    var totalTimeout: Double?
    /// Audio transfers fail when no byte moved for this long.
    var stallTimeout: Double?
    var caFile: String?
    var userAgent: String
    var acceptCompressed = true
    var progress: ProgressHandler?
    /// Which direction `progress` reports.
    var progressIsUpload = false
}

struct TransferResponse: Sendable {
    var status: Int
    var reasonPhrase: String
    /// Header names lowercased; the last response's headers only.
    var headers: [String: String]
    /// Every Set-Cookie value of the last response.
    var cookies: [String]
    /// The body when the sink is memory, or the error body (capped) for a non-2xx answer.
    var body: Data
    /// Bytes handed to a file or chunk sink.
    var bytesDelivered: Int64
    /// Location of a redirect, resolved against the request URL.
    var redirectURL: String?

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}
