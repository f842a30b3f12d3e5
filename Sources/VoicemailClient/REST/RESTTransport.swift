import DisplayText
import FoundationEssentials
import Logging
import SystemBasics
import VoicemailBackend
import VoicemailModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One HTTP exchange with a vendor REST API (Wazo, Kazoo) over the shared libcurl transport:
/// no Wildix envelope, no session cookie; the caller adds its token header and maps errors
/// (`VendorError`).
struct RESTTransport: Sendable {
    let configuration: ClientConfiguration
    let logger: Logger

    struct Call: Sendable {
        var method = "GET"
        var url: String
        var headers: [String] = []
        var body: TransferBody = .none
        var sink: TransferSink = .memory(limit: VoicemailClient.jsonLimit)
        var isAudio = false
        var progress: ProgressHandler?
        var progressIsUpload = false
    }

    /// `path` (with its leading slash) after the server URL, with a query string.
    func url(_ path: String, query: [(String, String)] = []) -> String {
        var base = configuration.serverURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        guard !query.isEmpty else { return base + path }
        return base + path + "?" + query.map { "\($0.0)=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
    }

    /// Any status comes back; transport failures throw.
    func exchange(_ call: Call) async throws(VoicemailError) -> TransferResponse {
        let request = TransferRequest(
            toPBX: configuration, method: call.method, url: call.url, headers: call.headers, body: call.body,
            sink: call.sink, isAudio: call.isAudio, progress: call.progress, progressIsUpload: call.progressIsUpload)
        do {
            let response = try await TransferRunner.run(request)
            logger.debug("\(call.method) \(Self.loggable(call.url)) -> \(response.status)")
            return response
        } catch {
            logger.notice("\(call.method) \(Self.loggable(call.url)) failed: \(error.message)")
            throw error
        }
    }

    /// Kazoo's token check puts the token in the path: never logged.
    static func loggable(_ url: String) -> String {
        guard let range = url.firstUTF8Range(of: "/token/") ?? url.firstUTF8Range(of: "/user_auth/") else {
            return VoicemailClient.redact(url)
        }
        return String(url[..<range.upperBound]) + "<token>"
    }

    static func json(_ object: [String: Any]) -> TransferBody {
        let data = LooseJSON.bytes(object).map { Data($0) } ?? Data("{}".utf8)
        return .data(data, contentType: "application/json")
    }

    static func object(_ body: Data) -> [String: Any]? {
        LooseJSON.object(body)
    }

    /// Streams a successful answer into `file` through a hidden sibling, checks the audio,
    /// then renames it into place (or fills `file` for a player that follows it). `send`
    /// performs the call with the sink it is given and throws on an error status.
    static func download(
        to file: URL, atomically: Bool, expecting expectation: AudioExpectation?, formatFromContent: Bool = false,
        progress: ProgressHandler?, send: (TransferSink, ProgressHandler?) async throws -> TransferResponse
    ) async throws -> DownloadResult {
        let target = file.standardizedFileURL
        let part = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).part-\(UUID().uuidString.prefix(8))")
        let fd = open(part.path, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
        var closed = false
        defer {
            if !closed { close(fd) }
            unlink(part.path)
        }
        let response = try await send(.fileDescriptor(fd), atomically ? progress : nil)
        closed = true
        guard close(fd) == 0 else {
            throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
        }
        if var expectation {
            if formatFromContent, let head = FileBytes.head(of: part.path, count: 12).map({ Data($0) }),
                let found = AudioSniffer.format(of: head)
            {
                expectation.format = found
            }
            try expectation.check(part)
        }
        if atomically || !FileManager.default.fileExists(atPath: target.path) {
            guard rename(part.path, target.path) == 0 else {
                throw VoicemailError.localFile(path: target.path, reason: String(cString: strerror(errno)).lowercased())
            }
        } else {
            // A player may already hold `file` open: fill it in place.
            guard let data = try? Data(contentsOf: part), FileBytes.overwrite(target.path, with: Array(data)) else {
                throw VoicemailError.localFile(path: target.path, reason: "cannot be written")
            }
        }
        progress?(TransferProgress(bytes: response.bytesDelivered, total: response.bytesDelivered))
        let type = response.header("content-type")
        let sniffed = FileBytes.head(of: target.path, count: 12).flatMap { AudioSniffer.format(of: Data($0)) }
        return DownloadResult(
            bytes: response.bytesDelivered, format: sniffed ?? type.flatMap(AudioFormat.init(mimeType:)), contentType: type)
    }
}
