import Foundation
import Synchronization

/// Audio URLs that message records carried, by message id. A PBX may name a message's audio
/// in its record (a spool path, a storage link); that URL is then used instead of `/{id}/file`.
final class AudioLocations: Sendable {
    /// Field names under which PBXs and their integrations put a record's audio.
    static let fieldNames = [
        "url", "fileUrl", "fileURL", "file_url", "file", "audio", "audioUrl", "audioURL", "audio_url", "link",
        "href", "path", "filePath", "file_path", "recording", "recordingUrl", "download", "downloadUrl", "spool",
    ]
    private static let limit = 20_000
    private let byID = Mutex<[String: String]>([:])

    func url(for id: String) -> String? { byID.withLock { $0[id] } }

    /// Remembers the audio URLs of the records in a JSON answer (a page or one record),
    /// resolved against `server`; records without one forget any earlier URL.
    func learn(from body: Data, server: URL) {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return }
        let result = object["result"]
        var records: [[String: Any]] = []
        if let array = result as? [[String: Any]] {
            records = array
        } else if let dictionary = result as? [String: Any] {
            if let array = (dictionary["records"] ?? dictionary["rows"]) as? [[String: Any]] {
                records = array
            } else {
                records = [dictionary]
            }
        }
        let found: [(String, String?)] = records.compactMap { record in
            guard let id = Self.string(record["id"]) ?? Self.string(record["msg_id"]) else { return nil }
            return (id, Self.audioURL(in: record, server: server))
        }
        guard !found.isEmpty else { return }
        byID.withLock { table in
            if table.count > Self.limit { table.removeAll() }
            for (id, url) in found { table[id] = url }
        }
    }

    static func audioURL(in record: [String: Any], server: URL) -> String? {
        for name in fieldNames {
            guard let text = string(record[name]), let url = resolve(text, server: server) else { continue }
            return url
        }
        return nil
    }

    /// An absolute http(s) URL, or a path (with a `/`) taken relative to the server; anything
    /// else (a bare file name, another scheme) is not a location.
    static func resolve(_ text: String, server: URL) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        if let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() {
            guard scheme == "http" || scheme == "https", components.host?.isEmpty == false else { return nil }
            return trimmed
        }
        guard trimmed.contains("/") else { return nil }
        var root = URLComponents(url: server, resolvingAgainstBaseURL: false)
        root?.path = ""
        root?.query = nil
        guard let origin = root?.string else { return nil }
        return origin + (trimmed.hasPrefix("/") ? trimmed : "/" + trimmed)
    }

    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: text.isEmpty ? nil : text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
