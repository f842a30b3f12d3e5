import FoundationEssentials
import SystemBasics

/// Chooses the recorder: the configured `recorder` command, or the first of arecord, rec
/// (sox) and ffmpeg (PulseAudio input) that is installed. All record 8 kHz mono 16-bit WAV.
public struct RecorderDiscovery: Sendable {
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public static let knownRecorders: [(package: String, template: CommandTemplate)] = [
        ("alsa-utils", CommandTemplate(words: ["arecord", "-q", "-f", "S16_LE", "-r", "8000", "-c", "1", "-t", "wav", "{file}"])),
        ("sox", CommandTemplate(words: ["rec", "-q", "-r", "8000", "-c", "1", "-b", "16", "{file}"])),
        ("ffmpeg", CommandTemplate(words: ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-f", "pulse", "-i", "default", "-ac", "1", "-ar", "8000", "-c:a", "pcm_s16le", "{file}"])),
    ]

    public func choose(configured: String?) throws -> CommandTemplate {
        if let configured, !configured.trimmingSpaces().isEmpty {
            let template = try CommandTemplate(parsing: configured)
            guard ExecutableSearch.resolve(template.executable, path: environment["PATH"]) != nil else {
                throw AudioError.noRecorder(
                    "The configured recorder \"\(template.executable)\" is not installed (not found in PATH)")
            }
            return template
        }
        for known in Self.knownRecorders
        where ExecutableSearch.resolve(known.template.executable, path: environment["PATH"]) != nil {
            return known.template
        }
        throw AudioError.noRecorder(
            "No recorder found. Install alsa-utils (arecord), sox (rec) or ffmpeg (e.g. apt install alsa-utils), "
                + "or set `recorder` in the config")
    }
}
