/// One TOML value. Dates and times stay as the small value types below: a TOML date has no
/// time zone rules to apply, and a config reader needs none of Foundation's calendars.
public enum TOMLValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case offsetDateTime(TOMLOffsetDateTime)
    case localDateTime(TOMLLocalDateTime)
    case localDate(TOMLLocalDate)
    case localTime(TOMLLocalTime)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// An integer that fits `Int` (every integer on 64-bit platforms).
    public var int: Int? {
        if case .integer(let value) = self { Int(exactly: value) } else { nil }
    }

    public var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// A float only; an integer is not silently a float.
    public var double: Double? {
        if case .float(let value) = self { value } else { nil }
    }

    public var bool: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    public var array: [TOMLValue]? {
        if case .array(let value) = self { value } else { nil }
    }

    public var table: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}

/// Where something is written: 1-based line, and column in characters.
public struct TOMLPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// A table: its keys in the order they were written, each with the place it was written
/// (a key's line, or the `[header]` line of a table), so errors about a value can name its line.
public struct TOMLTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var value: TOMLValue
        var position: TOMLPosition
    }

    /// In the order written.
    public private(set) var keys: [String] = []
    private var entries: [String: Entry] = [:]

    public init() {}

    public var isEmpty: Bool { keys.isEmpty }

    public subscript(key: String) -> TOMLValue? { entries[key]?.value }

    public func position(of key: String) -> TOMLPosition? { entries[key]?.position }

    /// The position of a nested key (`["styles", "list.selected", "fg"]`), or of its nearest
    /// ancestor that is written (a table header, an inline table's key).
    public func position(at path: [String]) -> TOMLPosition? {
        var table = self
        var found: TOMLPosition?
        for key in path {
            guard let entry = table.entries[key] else { break }
            found = entry.position
            guard case .table(let inner) = entry.value else { break }
            table = inner
        }
        return found
    }

    /// Adds or replaces `key`; a new key goes last.
    public mutating func set(_ key: String, _ value: TOMLValue, at position: TOMLPosition) {
        if entries.updateValue(Entry(value: value, position: position), forKey: key) == nil {
            keys.append(key)
        }
    }
}
