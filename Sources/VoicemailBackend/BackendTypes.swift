import FoundationEssentials
import VoicemailModel

/// A list request (docs/api.md, "List messages").
public struct MessageQuery: Sendable, Equatable, Hashable {
    /// nil: the client's configured mailbox, else the caller's own.
    public var mailbox: String?
    /// nil: every folder.
    public var folder: Folder?
    public var start: Int
    public var count: Int
    public var sort: MessageSort
    public var direction: SortDirection
    /// Case-insensitive substring of caller name, number, subject or transcription.
    public var search: String?

    public init(
        mailbox: String? = nil, folder: Folder? = .inbox, start: Int = 0, count: Int = 100,
        sort: MessageSort = .date, direction: SortDirection = .descending, search: String? = nil
    ) {
        self.mailbox = mailbox
        self.folder = folder
        self.start = start
        self.count = count
        self.sort = sort
        self.direction = direction
        self.search = search
    }
}

public enum MessageSort: String, Sendable, CaseIterable {
    case date, duration, callerNumber, callerName
}

public enum SortDirection: String, Sendable, CaseIterable {
    case ascending = "ASC"
    case descending = "DESC"
}

/// The answer to a conditional request (`If-None-Match`).
public enum Conditional<Value: Sendable>: Sendable {
    /// 304: what the caller already has is current.
    case notModified
    /// The new value and the ETag to send next time (nil when the server sends none).
    case modified(Value, etag: String?)

    public var value: Value? {
        if case .modified(let value, _) = self { return value }
        return nil
    }
}

extension Conditional: Equatable where Value: Equatable {}

/// Who the session login says we are.
public struct AccountInfo: Codable, Sendable, Equatable {
    public var `extension`: String
    public var name: String?

    public init(extension: String, name: String?) {
        self.extension = `extension`
        self.name = name
    }

    enum CodingKeys: String, CodingKey { case `extension`, name, login }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        `extension` = try c.lenientString(.extension) ?? c.lenientString(.login) ?? ""
        name = try c.lenientString(.name)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(`extension`, forKey: .extension)
        try c.encodeIfPresent(name, forKey: .name)
    }
}

/// What an audio download produced.
public struct DownloadResult: Sendable, Equatable {
    public var bytes: Int64
    /// From the answer's Content-Type, when it names WAV or MP3.
    public var format: AudioFormat?
    public var contentType: String?

    public init(bytes: Int64, format: AudioFormat?, contentType: String?) {
        self.bytes = bytes
        self.format = format
        self.contentType = contentType
    }
}
