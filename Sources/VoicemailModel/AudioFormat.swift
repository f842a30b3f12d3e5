import SystemBasics

/// The voicemail audio formats a Wildix PBX can be set to store.
public enum AudioFormat: String, Codable, Sendable, CaseIterable {
    case wav
    case mp3

    public var mimeType: String {
        switch self {
        case .wav: "audio/wav"
        case .mp3: "audio/mpeg"
        }
    }

    public var fileExtension: String { rawValue }

    /// Recognises the MIME types servers and files announce, parameters ignored.
    public init?(mimeType: String) {
        let base = mimeType.split(separator: ";").first.map {
            $0.trimmingSpaces().lowercased()
        } ?? ""
        switch base {
        case "audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave": self = .wav
        case "audio/mpeg", "audio/mp3", "audio/x-mp3", "audio/mpeg3": self = .mp3
        default: return nil
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self).lowercased()
        guard let format = AudioFormat(rawValue: raw) ?? AudioFormat(mimeType: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown audio format \"\(raw)\"")
        }
        self = format
    }
}
