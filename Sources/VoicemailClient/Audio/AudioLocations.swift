import FoundationEssentials
import Synchronization
import SystemBasics
import VoicemailModel

/// Audio locations that message records carried, by message id. A PBX may name a message's
/// audio in its record (a spool path, a storage link); that location is then used instead of
/// `/{id}/file`. Locations are kept as the records wrote them and made absolute when used.
final class AudioLocations: Sendable {
    /// Field names under which PBXs and their integrations put a record's audio.
    static let fieldNames = [
        "url", "fileUrl", "fileURL", "file_url", "file", "audio", "audioUrl", "audioURL", "audio_url", "link",
        "href", "path", "filePath", "file_path", "recording", "recordingUrl", "download", "downloadUrl", "spool",
    ]
    private static let limit = 20_000
    private let byID = Mutex<[String: String]>([:])

    /// The absolute URL of the audio `id`'s record named, if it named one.
    func url(for id: String, server: URL) -> String? {
        byID.withLock { $0[id] }.map { Self.absolute($0, server: server) }
    }

    /// Remembers the locations `records` name; a record without one forgets any earlier one.
    func learn(_ records: [LocatedMessage]) {
        guard !records.isEmpty else { return }
        byID.withLock { table in
            if table.count > Self.limit { table.removeAll() }
            for record in records { table[record.message.id] = record.location }
        }
    }

    /// `text` as a location: an absolute http(s) URL with a host, or a path (with a `/`)
    /// taken relative to the server; anything else (a bare file name, another scheme) is not.
    /// Read by hand: Foundation's URL parsing runs every host through ICU's IDNA.
    static func location(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        if let scheme = scheme(of: trimmed) {
            guard scheme == "http" || scheme == "https", ClientConfiguration.hasHost(trimmed) else { return nil }
            return trimmed
        }
        return trimmed.contains("/") ? trimmed : nil
    }

    /// A location made absolute: a path goes after the server's scheme, host and port.
    static func absolute(_ location: String, server: URL) -> String {
        if scheme(of: location) != nil { return location }
        let address = server.absoluteString
        var origin = Substring(address)
        if let marker = address.firstUTF8Range(of: "://") {
            let rest = address[marker.upperBound...]
            origin = address[..<(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)]
        }
        return origin + (location.hasPrefix("/") ? location : "/" + location)
    }

    /// The lower-cased scheme of `text` (`scheme:` before any `/`, `?` or `#`), if it has one.
    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isASCII, first.isLetter else { return nil }
        let name = text[..<colon]
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return name.lowercased()
    }
}

/// A record as a list or one-message answer carries it: the message, and the audio location
/// it names, read in the same decoding pass.
struct LocatedMessage: Codable, Sendable {
    var message: VoicemailMessage
    /// The record's audio location as written, when one of `AudioLocations.fieldNames` holds one.
    var location: String?

    init(message: VoicemailMessage, location: String?) {
        self.message = message
        self.location = location
    }

    init(from decoder: Decoder) throws {
        message = try VoicemailMessage(from: decoder)
        let record = try decoder.container(keyedBy: FieldName.self)
        location = nil
        for name in AudioLocations.fieldNames {
            guard let text = try? record.decodeIfPresent(String.self, forKey: FieldName(name)),
                let found = AudioLocations.location(text)
            else { continue }
            location = found
            break
        }
    }

    func encode(to encoder: Encoder) throws {
        try message.encode(to: encoder)
        var record = encoder.container(keyedBy: FieldName.self)
        try record.encodeIfPresent(location, forKey: FieldName("url"))
    }

    private struct FieldName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
