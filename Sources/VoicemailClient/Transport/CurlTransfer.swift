import CCurl
import DisplayText
import FoundationEssentials
import Synchronization
import SystemBasics
import VoicemailBackend

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set from another thread to make a running transfer stop at its next callback.
final class CancellationFlag: Sendable {
    private let cancelled = Mutex(false)

    var isCancelled: Bool { cancelled.withLock { $0 } }

    func cancel() { cancelled.withLock { $0 = true } }
}

/// Mutable state the C callbacks see through their user-data pointer during one perform.
private final class TransferState {
    let request: TransferRequest
    let cancellation: CancellationFlag
    var status = 0
    var reasonPhrase = ""
    var headers: [String: String] = [:]
    var cookies: [String] = []
    var body = Data()
    var bytesDelivered: Int64 = 0
    var overflow = false
    var localError: String?
    var uploadFD: Int32 = -1
    var uploadData: Data = Data()
    var uploadOffset = 0

    static let errorBodyLimit = 64 * 1024

    init(request: TransferRequest, cancellation: CancellationFlag) {
        self.request = request
        self.cancellation = cancellation
    }

    var isSuccessStatus: Bool { (200..<300).contains(status) }
}

/// One blocking HTTP exchange on a libcurl easy handle. Runs on a transfer thread, never on
/// the caller's; redirects are not followed here (the client decides, per host).
enum CurlTransfer {
    static func perform(_ request: TransferRequest, cancellation: CancellationFlag) throws(VoicemailError)
        -> TransferResponse
    {
        if let problem = CurlRuntime.waitUntilReady() {
            throw .transport(endpoint: Endpoint.describe(request.url), detail: problem)
        }
        guard let handle = CurlHandlePool.shared.take() else {
            throw .transport(endpoint: Endpoint.describe(request.url), detail: "libcurl could not start")
        }
        let state = TransferState(request: request, cancellation: cancellation)
        var reusable = true
        defer {
            if state.uploadFD >= 0 { close(state.uploadFD) }
            CurlHandlePool.shared.give(handle, reusable: reusable)
        }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { ccurl_slist_free_all(headerList) }
        for line in request.headers + ["Expect:"] {
            headerList = ccurl_slist_append(headerList, line)
        }

        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        let statePointer = Unmanaged.passUnretained(state).toOpaque()
        ccurl_setopt_string(handle, CURLOPT_URL, request.url)
        ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = request.caFile { ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        ccurl_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent)
        ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout))
        if let total = request.totalTimeout {
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(total))
        }
        if let stall = request.stallTimeout {
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            ccurl_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(stall.rounded(.up))))
        }
        if request.acceptCompressed { ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "") }

        ccurl_setopt_header_callback(handle, headerCallback)
        ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, statePointer)
        ccurl_setopt_write_callback(handle, writeCallback)
        ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, statePointer)
        ccurl_setopt_progress_callback(handle, progressCallback)
        ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, statePointer)
        ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)

        try configureMethodAndBody(handle, request: request, state: state, statePointer: statePointer)

        let code = ccurl_easy_perform(handle)
        if code != CURLE_OK {
            reusable = false
            let detail = String(cString: errorBuffer)
            throw mapFailure(code, handle: handle, request: request, state: state, detail: detail)
        }
        if state.overflow {
            throw .malformedResponse(expected: "an answer under \(request.sinkLimit / 1_048_576) MiB", detail: "answer too large")
        }
        var status = 0
        ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var redirect: UnsafeMutablePointer<CChar>?
        ccurl_getinfo_string(handle, CURLINFO_REDIRECT_URL, &redirect)
        return TransferResponse(
            status: status, reasonPhrase: TerminalSafe.line(state.reasonPhrase, maxLength: 60),
            headers: state.headers, cookies: state.cookies, body: state.body,
            bytesDelivered: state.bytesDelivered, redirectURL: redirect.map { String(cString: $0) })
    }

    private static func configureMethodAndBody(
        _ handle: UnsafeMutableRawPointer, request: TransferRequest, state: TransferState,
        statePointer: UnsafeMutableRawPointer
    ) throws(VoicemailError) {
        var size: Int64 = 0
        var hasBody = false
        switch request.body {
        case .none:
            break
        case .data(let data, _):
            state.uploadData = data
            size = Int64(data.count)
            hasBody = true
        case .file(let url, _):
            let fd = open(url.path, O_RDONLY)
            guard fd >= 0 else {
                throw .localFile(path: url.path, reason: String(cString: strerror(errno)).lowercased())
            }
            state.uploadFD = fd
            var info = stat()
            guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                throw .localFile(path: url.path, reason: "not a regular file")
            }
            size = Int64(info.st_size)
            hasBody = true
        }
        switch request.method {
        case "GET":
            ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "PUT":
            ccurl_setopt_long(handle, CURLOPT_UPLOAD, 1)
            ccurl_setopt_off(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(size))
        case "POST":
            ccurl_setopt_long(handle, CURLOPT_POST, 1)
            ccurl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(size))
        default:
            ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
        }
        if request.method == "PUT" || request.method == "POST" || hasBody {
            ccurl_setopt_read_callback(handle, readCallback)
            ccurl_setopt_pointer(handle, CURLOPT_READDATA, statePointer)
        }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    // MARK: Failure mapping

    private static func mapFailure(
        _ code: CURLcode, handle: UnsafeMutableRawPointer, request: TransferRequest, state: TransferState, detail: String
    ) -> VoicemailError {
        let endpoint = Endpoint.describe(request.url)
        let detailLine = TerminalSafe.errorDetail(detail.isEmpty ? String(cString: ccurl_easy_strerror(code)) : detail)
        if state.cancellation.isCancelled { return .cancelled }
        if let localError = state.localError { return .localFile(path: localPath(request), reason: localError) }
        var connectTime: curl_off_t = 0
        ccurl_getinfo_off(handle, CURLINFO_CONNECT_TIME_T, &connectTime)
        var osErrno = 0
        ccurl_getinfo_long(handle, CURLINFO_OS_ERRNO, &osErrno)
        switch code {
        case CURLE_COULDNT_CONNECT:
            let reason = osErrno != 0 ? String(cString: strerror(Int32(osErrno))).lowercased() : detailLine
            return .cannotConnect(endpoint: endpoint, reason: reason)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(host: Endpoint.host(request.url) ?? endpoint)
        case CURLE_OPERATION_TIMEDOUT:
            if connectTime == 0 && state.status == 0 && !detail.contains("Operation") {
                return .connectTimeout(endpoint: endpoint, seconds: request.connectTimeout)
            }
            if let stall = request.stallTimeout, request.totalTimeout == nil {
                return .stalled(endpoint: endpoint, seconds: stall)
            }
            return .responseTimeout(endpoint: endpoint, seconds: request.totalTimeout ?? 0)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tlsFailure(endpoint: endpoint, detail: detailLine, certificateProblem: true)
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_USE_SSL_FAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE:
            let certificate = detail.lowercased().contains("certificate")
            return .tlsFailure(endpoint: endpoint, detail: detailLine, certificateProblem: certificate)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case CURLE_GOT_NOTHING:
            return .malformedResponse(expected: "an HTTP answer", detail: "the server closed the connection without answering")
        case CURLE_WEIRD_SERVER_REPLY, CURLE_BAD_CONTENT_ENCODING:
            return .malformedResponse(expected: "an HTTP answer", detail: detailLine)
        case CURLE_UNSUPPORTED_PROTOCOL where connectTime > 0 || detail.contains("HTTP/0.9"):
            return .malformedResponse(expected: "an HTTP answer", detail: detailLine)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidServerURL(TerminalSafe.errorDetail(request.url))
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM:
            return .connectionLost(endpoint: endpoint, detail: detailLine)
        case CURLE_WRITE_ERROR, CURLE_READ_ERROR:
            return .localFile(path: localPath(request), reason: detailLine)
        default:
            return .transport(endpoint: endpoint, detail: detailLine)
        }
    }

    private static func localPath(_ request: TransferRequest) -> String {
        if case .file(let url, _) = request.body { return url.path }
        return "output file"
    }

    // MARK: C callbacks (non-capturing; state arrives through the user-data pointer)

    private static let headerCallback: curl_write_callback = { buffer, size, count, user in
        guard let buffer, let user else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
            .trimmingSpacesAndNewlines()
        if line.hasPrefix("HTTP/") {
            // A new response begins (after a 100 Continue, for instance): forget the last one.
            let parts = line.split(separator: " ", maxSplits: 2)
            state.status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            state.reasonPhrase = parts.count > 2 ? String(parts[2]) : ""
            state.headers = [:]
            state.cookies = []
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            state.headers[name] = value
            if name == "set-cookie" { state.cookies.append(value) }
        }
        return length
    }

    private static let writeCallback: curl_write_callback = { buffer, size, count, user in
        guard let buffer, let user else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
        let length = size * count
        if state.cancellation.isCancelled { return 0 }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        guard state.isSuccessStatus else {
            // Error answers (JSON envelopes, redirect pages) stay in memory, capped.
            let room = max(0, TransferState.errorBodyLimit - state.body.count)
            state.body.append(contentsOf: bytes.prefix(room))
            return length
        }
        switch state.request.sink {
        case .memory(let limit):
            if state.body.count + length > limit {
                state.overflow = true
                return 0
            }
            state.body.append(contentsOf: bytes)
        case .fileDescriptor(let fd):
            var offset = 0
            while offset < length {
                let written = write(fd, buffer + offset, length - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    state.localError = String(cString: strerror(errno)).lowercased()
                    return 0
                }
                offset += written
            }
            state.bytesDelivered += Int64(length)
        case .chunks(let deliver):
            deliver(Data(bytes))
            state.bytesDelivered += Int64(length)
        }
        return length
    }

    private static let readCallback: curl_read_callback = { buffer, size, count, user in
        guard let buffer, let user else { return Int(CURL_READFUNC_ABORT) }
        let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
        if state.cancellation.isCancelled { return Int(CURL_READFUNC_ABORT) }
        let capacity = size * count
        if state.uploadFD >= 0 {
            while true {
                let got = read(state.uploadFD, buffer, capacity)
                if got >= 0 { return got }
                if errno == EINTR { continue }
                state.localError = String(cString: strerror(errno)).lowercased()
                return Int(CURL_READFUNC_ABORT)
            }
        }
        let remaining = state.uploadData.count - state.uploadOffset
        let chunk = min(remaining, capacity)
        if chunk > 0 {
            state.uploadData.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer).copyMemory(
                    from: raw.baseAddress! + state.uploadOffset, byteCount: chunk)
            }
            state.uploadOffset += chunk
        }
        return chunk
    }

    private static let progressCallback: curl_xferinfo_callback = { user, downloadTotal, downloaded, uploadTotal, uploaded in
        guard let user else { return 0 }
        let state = Unmanaged<TransferState>.fromOpaque(user).takeUnretainedValue()
        if state.cancellation.isCancelled { return 1 }
        if let progress = state.request.progress {
            if state.request.progressIsUpload {
                progress(TransferProgress(bytes: Int64(uploaded), total: uploadTotal > 0 ? Int64(uploadTotal) : nil))
            } else if state.isSuccessStatus {
                progress(TransferProgress(bytes: Int64(downloaded), total: downloadTotal > 0 ? Int64(downloadTotal) : nil))
            }
        }
        return 0
    }
}

extension TransferRequest {
    var sinkLimit: Int {
        if case .memory(let limit) = sink { return limit }
        return .max
    }
}

/// "host:port" as users know it, derived from a URL for error messages.
enum Endpoint {
    static func describe(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else {
            return TerminalSafe.errorDetail(url)
        }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)"
    }

    static func host(_ url: String) -> String? {
        URLComponents(string: url)?.host
    }
}
