import FoundationEssentials
import SystemBasics

/// Decoding helpers for servers that write numbers as strings ("total":"2289"),
/// booleans as 0/1 or "yes", and leave optional fields out.
extension KeyedDecodingContainer {
    public func lenientInt(_ key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Int.self, forKey: key) { return value }
        if let value = try? decode(Double.self, forKey: key), let int = Self.wholeNumber(value) { return int }
        if let text = try? decode(String.self, forKey: key) {
            let trimmed = text.trimmingSpaces()
            if trimmed.isEmpty { return nil }
            if let value = Int(trimmed) { return value }
            if let value = Double(trimmed), let int = Self.wholeNumber(value) { return int }
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected a number")
    }

    /// A server's 1e309 or NaN is not a number of messages or seconds (and would trap).
    private static func wholeNumber(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        return Int(value.rounded())
    }

    public func lenientBool(_ key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(Bool.self, forKey: key) { return value }
        if let value = try? decode(Int.self, forKey: key) { return value != 0 }
        if let text = try? decode(String.self, forKey: key) {
            switch text.trimmingSpaces().lowercased() {
            case "1", "true", "yes", "on": return true
            case "0", "false", "no", "off", "": return false
            default: break
            }
        }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected a boolean")
    }

    /// A string, or a number written where a string was expected (extensions often are).
    public func lenientString(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let value = try? decode(String.self, forKey: key) { return value }
        if let value = try? decode(Int.self, forKey: key) { return String(value) }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected a string")
    }

    /// ISO 8601 with a zone ("2026-11-27T09:15:00+01:00"), with or without fractional
    /// seconds, or epoch seconds as Asterisk's origtime.
    public func lenientDate(_ key: Key) throws -> Date? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let seconds = try? decode(Double.self, forKey: key) {
            if let date = ISO8601.epoch(seconds) { return date }
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "date out of range")
        }
        let text = try decode(String.self, forKey: key)
        if let date = ISO8601.parse(text) { return date }
        throw DecodingError.dataCorruptedError(
            forKey: key, in: self, debugDescription: "expected an ISO 8601 date, got \"\(text)\"")
    }
}

/// ISO 8601 parsing and formatting as the contract uses it.
public enum ISO8601 {
    public static func parse(_ text: String) -> Date? {
        if let date = InternetDate.parse(text.utf8) { return epoch(date) }
        let trimmed = text.trimmingSpaces()
        if let seconds = Double(trimmed) { return epoch(seconds) }
        if let date = try? Date(trimmed, strategy: .iso8601) { return whole(date) }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        if let date = try? Date(trimmed, strategy: fractional) { return whole(date) }
        // "2026-11-27 09:15:00" (a space, no zone) is common in PHP back ends; read it as UTC.
        let spaced = trimmed.replacingEvery(" ", with: "T")
        return (try? Date(spaced + "Z", strategy: .iso8601)).flatMap(whole)
    }

    /// Epoch seconds as a message date: whole seconds (what every PBX stores, and what the
    /// contract writes back), from 1970 to the year 9999; anything else is not a date.
    public static func epoch(_ seconds: Double) -> Date? {
        guard seconds.isFinite, seconds >= 0, seconds <= 253_402_300_799 else { return nil }
        return Date(timeIntervalSince1970: seconds.rounded(.down))
    }

    private static func whole(_ date: Date) -> Date? { epoch(date.timeIntervalSince1970) }

    /// Always with an explicit zone offset, in the given zone (UTC by default: `.gmt`, which
    /// FoundationEssentials knows by itself; it finds no zone by name without ICU).
    public static func format(_ date: Date, timeZone: TimeZone = .gmt) -> String {
        var style = Date.ISO8601FormatStyle(timeZone: timeZone)
        style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
        return date.formatted(style)
    }
}
