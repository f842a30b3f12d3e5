import FoundationEssentials

/// Every JSON answer is wrapped: `{"type":"result","result":…}` or
/// `{"type":"error","reason":"…","result":null}` (as the public Wildix API documents it).
public struct ResultEnvelope<Result: Codable & Sendable>: Codable, Sendable {
    public var type: String
    public var result: Result

    public init(_ result: Result) {
        type = "result"
        self.result = result
    }
}

/// The error envelope. `code` is a vmtui extension: a stable machine-readable reason
/// (see `ErrorCode`) beside Wildix's human-readable `reason`.
public struct ErrorEnvelope: Codable, Sendable, Equatable {
    public var type: String
    public var reason: String
    public var code: String?

    public init(reason: String, code: ErrorCode? = nil) {
        type = "error"
        self.reason = reason
        self.code = code?.rawValue
    }

    enum CodingKeys: String, CodingKey { case type, reason, code, result }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.lenientString(.type) ?? "error"
        reason = try c.lenientString(.reason) ?? ""
        code = try c.lenientString(.code)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(reason, forKey: .reason)
        try c.encodeIfPresent(code, forKey: .code)
        try c.encodeNil(forKey: .result)
    }
}

/// Machine-readable error codes (vmtui extension; a real PBX may send none).
public enum ErrorCode: String, Codable, Sendable {
    case badRequest = "bad_request"
    case unauthorized
    case forbidden
    case pinRequired = "pin_required"
    case pinWrong = "pin_wrong"
    case notFound = "not_found"
    case mailboxFull = "mailbox_full"
    case tooLong = "too_long"
    case tooLarge = "too_large"
    case unsupportedMediaType = "unsupported_media_type"
    case conflict
    case serverError = "server_error"
}

/// A page of a list: `result.total` (a string in Wildix's examples, or a number) and
/// `result.records` (or `rows`, or `result` as a bare array).
public struct Page<Record: Codable & Sendable>: Codable, Sendable {
    public var total: Int
    public var records: [Record]

    public init(total: Int, records: [Record]) {
        self.total = total
        self.records = records
    }

    enum CodingKeys: String, CodingKey { case total, records, rows }

    public init(from decoder: Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var records: [Record] = []
            while !array.isAtEnd { records.append(try array.decode(Record.self)) }
            self.records = records
            total = records.count
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        records = try c.decodeIfPresent([Record].self, forKey: .records)
            ?? c.decodeIfPresent([Record].self, forKey: .rows) ?? []
        total = max(0, try c.lenientInt(.total) ?? records.count)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        // Written as a string, as the documented Wildix examples do.
        try c.encode(String(total), forKey: .total)
        try c.encode(records, forKey: .records)
    }
}

/// Body of `PUT /api/v1/VoiceMail/{id}` when not empty (an empty body means "mark read").
public struct MessageUpdate: Codable, Sendable, Equatable {
    public var read: Bool?
    public var folder: Folder?

    public init(read: Bool? = nil, folder: Folder? = nil) {
        self.read = read
        self.folder = folder
    }
}

/// Body of `POST /api/v1/VoiceMail/{id}/forward`.
public struct ForwardRequest: Codable, Sendable, Equatable {
    public var to: [String]

    public init(to: [String]) { self.to = to }

    enum CodingKeys: String, CodingKey { case to }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let list = try? c.decode([String].self, forKey: .to) {
            to = list
        } else {
            // "102*103" as typed on a phone.
            to = Extensions.parse(try c.decode(String.self, forKey: .to)) ?? []
        }
    }
}

/// Result of a forward: the new message id in each target mailbox.
public struct ForwardResult: Codable, Sendable, Equatable {
    public var forwarded: [ForwardedCopy]

    public init(forwarded: [ForwardedCopy]) { self.forwarded = forwarded }
}

public struct ForwardedCopy: Codable, Sendable, Equatable {
    public var mailbox: String
    public var id: String

    public init(mailbox: String, id: String) {
        self.mailbox = mailbox
        self.id = id
    }
}

/// Result of a delete: the ids that were removed.
public struct DeleteResult: Codable, Sendable, Equatable {
    public var deleted: [String]

    public init(deleted: [String]) { self.deleted = deleted }
}

/// Extension lists as people type them: "102*103", "102 103", "102,103".
public enum Extensions {
    /// nil when any part is not a valid extension (digits only, 1–15 long) or the list is empty.
    public static func parse(_ text: String) -> [String]? {
        let parts = text.split(whereSeparator: { $0 == "*" || $0 == "," || $0 == " " || $0 == ";" })
            .map(String.init)
        guard !parts.isEmpty, parts.allSatisfy(isValid) else { return nil }
        var seen = Set<String>()
        return parts.filter { seen.insert($0).inserted }
    }

    public static func isValid(_ text: String) -> Bool {
        (1...15).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
