import VoicemailBackend

extension TransferRequest {
    /// A request to the PBX as every HTTP backend (Wildix/vmtui, Wazo, Kazoo) makes it: the
    /// body's type named, the configuration's timeouts, CA file and user agent; audio gets a
    /// stall timeout instead of a total one and is not asked for compressed.
    init(
        toPBX configuration: ClientConfiguration, method: String, url: String, headers: [String],
        body: TransferBody, sink: TransferSink, isAudio: Bool, progress: ProgressHandler?, progressIsUpload: Bool
    ) {
        var headers = headers
        switch body {
        case .data(_, let type), .file(_, let type): headers.append("Content-Type: \(type)")
        case .none: break
        }
        self.init(
            method: method, url: url, headers: headers, connectTimeout: configuration.connectTimeout,
            caFile: configuration.caFile, userAgent: configuration.userAgent)
        self.body = body
        self.sink = sink
        if isAudio {
            stallTimeout = configuration.timeout
            acceptCompressed = false
        } else {
            totalTimeout = configuration.timeout
        }
        self.progress = progress
        self.progressIsUpload = progressIsUpload
    }
}
