import AudioFormats
import FoundationEssentials
import SystemBasics
import VoicemailModel

/// Checks audio before it is uploaded as a greeting: readable, not empty, WAV or MP3, not
/// longer than the PBX accepts; converts what can be converted. Every refusal is one line
/// that names the file.
public struct AudioInspector: Sendable {
    public var environment: [String: String]
    public var store: PrivateTempStore
    public var maxDuration: Double
    public var maxBytes: Int

    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        store: PrivateTempStore = .shared,
        maxDuration: Double = Double(VoicemailLimits.maxDurationSeconds),
        maxBytes: Int = VoicemailLimits.maxAudioBytes
    ) {
        self.environment = environment
        self.store = store
        self.maxDuration = maxDuration
        self.maxBytes = maxBytes
    }

    /// Reads the file's header (and MP3 frames) and reports format and duration; does not
    /// apply the limits.
    public func inspect(_ url: URL) throws -> AudioReport {
        let name = url.lastPathComponent
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw AudioError.check("\(name) does not exist")
        }
        guard !isDirectory else { throw AudioError.check("\(name) is a folder, not an audio file") }
        guard let handle = ReadableFile(path: url.path) else {
            throw AudioError.check("\(name) cannot be read (permission denied?)")
        }
        let size = handle.size ?? 0
        guard size > 0 else { throw AudioError.check("\(name) is empty") }
        guard size <= 4 * maxBytes else {
            throw AudioError.check("\(name) is \(Self.megabytes(size)); the PBX accepts at most \(Self.megabytes(maxBytes))")
        }
        guard let bytes = handle.readToEnd() else { throw AudioError.check("\(name) cannot be read") }
        let data = Data(bytes)

        if let wav = WAVInfo.parse(data.prefix(64 * 1024), fileLength: size) {
            guard wav.dataLength > 0 else { throw AudioError.check("\(name) is a WAV file without audio") }
            return AudioReport(url: url, format: .wav, duration: wav.duration, size: size, wav: wav)
        }
        if let mp3 = MP3Info.parse(data) {
            return AudioReport(url: url, format: .mp3, duration: mp3.duration, size: size, mp3: mp3)
        }
        if let other = AudioSignature.containerName(ofHead: data.prefix(256)) {
            if ["WAV", "RF64 WAV", "MPEG audio"].contains(other) {
                throw AudioError.check("\(name) looks like \(other) but is damaged or truncated (no playable audio found)")
            }
            throw AudioError.check("\(name) is \(other) audio, not WAV or MP3")
        }
        throw AudioError.check("\(name) is not a WAV or MP3 file")
    }

    /// `inspect` plus the PBX's limits (180 s, 20 MiB).
    public func check(_ url: URL) throws -> AudioReport {
        let report = try inspect(url)
        try checkLimits(report, name: url.lastPathComponent)
        return report
    }

    /// What `greeting upload` and `greeting record` call: the file to send, converted to
    /// 8 kHz mono 16-bit WAV when it is another format or a non-telephony WAV and sox or
    /// ffmpeg is installed. Throws one line when the file cannot be sent.
    public func prepareForUpload(_ url: URL) async throws -> PreparedAudio {
        let name = url.lastPathComponent
        let converter = AudioConverter(environment: environment)
        let report: AudioReport
        do {
            report = try inspect(url)
        } catch AudioError.check(let why) where why.hasSuffix("audio, not WAV or MP3") {
            // FLAC, Ogg, AIFF…: convertible when a tool is there.
            guard !converter.availableTools.isEmpty else {
                throw AudioError.conversion("\(why); \(AudioConverter.installHint)")
            }
            let head = Data(FileBytes.head(of: url.path, count: 256) ?? [])
            let other = AudioSignature.containerName(ofHead: head) ?? ""
            return try await convert(url, with: converter, preferFFmpeg: AudioConverter.needsFFmpeg(other), note: "converted \(name) from \(other)")
        }
        if report.isNonTelephonyWAV, let wav = report.wav {
            if !converter.availableTools.isEmpty {
                try checkLimits(report, name: name)
                return try await convert(url, with: converter, preferFFmpeg: false, note: "converted \(name) from \(wav.summary)")
            }
            switch wav.encoding {
            case .pcm, .aLaw, .muLaw:
                try checkLimits(report, name: name)
                return PreparedAudio(
                    url: url, format: .wav, duration: report.duration, converted: false,
                    note: "\(name) is \(wav.summary), not 8 kHz mono; \(AudioConverter.installHint)")
            case .float, .other:
                throw AudioError.conversion("\(name) is \(wav.summary), which the PBX cannot play; \(AudioConverter.installHint)")
            }
        }
        try checkLimits(report, name: name)
        return PreparedAudio(url: url, format: report.format, duration: report.duration, converted: false, note: nil)
    }

    private func convert(_ url: URL, with converter: AudioConverter, preferFFmpeg: Bool, note: String) async throws -> PreparedAudio {
        let output = try store.makeFile(named: url.deletingPathExtension().lastPathComponent + ".wav")
        do {
            let tool = try await converter.convertToTelephonyWAV(url, output: output, preferFFmpeg: preferFFmpeg)
            let report = try inspect(output)
            try checkLimits(report, name: url.lastPathComponent)
            return PreparedAudio(
                url: output, format: .wav, duration: report.duration, converted: true,
                note: "\(note) to 8 kHz mono WAV with \(tool.rawValue)")
        } catch {
            store.remove(output)
            throw error
        }
    }

    private func checkLimits(_ report: AudioReport, name: String) throws {
        if report.duration > maxDuration {
            var shown = Int(report.duration.rounded())
            if shown <= Int(maxDuration) { shown = Int(maxDuration) + 1 }
            throw AudioError.check("\(name) is \(shown) s long; the PBX accepts at most \(Int(maxDuration)) s")
        }
        if report.size > maxBytes {
            throw AudioError.check("\(name) is \(Self.megabytes(report.size)); the PBX accepts at most \(Self.megabytes(maxBytes))")
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        "\(FixedDecimal.text(Double(bytes) / 1_048_576, places: 1)) MiB"
    }
}
