/// Untyped JSON as Foundation's `JSONSerialization` gave it, on the standard library alone:
/// vendor answers read into `[String: Any]`, `[Any]`, `String`, `Int` (a number written
/// without fraction or exponent that fits), `Double`, `Bool` and `LooseJSON.null`, and
/// written back in JSONSerialization's compact spelling (`\/` for a slash, `1e+20`, `3` for
/// 3.0). The typed API types use `Codable`; this is for the vendors' loosely typed documents.
public enum LooseJSON {
    /// JSON's `null` (JSONSerialization's `NSNull`).
    public struct Null: Sendable, Hashable {}
    public static let null = Null()

    /// The document in `bytes`, or nil when it is not JSON. A bare number, string, boolean or
    /// null at the top is refused unless `fragments` (JSONSerialization's `.fragmentsAllowed`).
    public static func parse(_ bytes: some Sequence<UInt8>, fragments: Bool = false) -> Any? {
        var reader = Reader(bytes: Array(bytes))
        guard let value = try? reader.document() else { return nil }
        if !fragments, !(value is [String: Any]), !(value is [Any]) { return nil }
        return value
    }

    /// The object in `bytes`, or nil when it is not a JSON object.
    public static func object(_ bytes: some Sequence<UInt8>) -> [String: Any]? {
        parse(bytes) as? [String: Any]
    }

    /// `value` as compact JSON, or nil when it holds something JSON cannot say (a NaN, or a
    /// type other than those `parse` makes and the standard integer types). Object keys are
    /// written in sorted order.
    public static func bytes(_ value: Any) -> [UInt8]? {
        var out: [UInt8] = []
        return write(value, into: &out, depth: 0) ? out : nil
    }

    /// A number as an Int: integers as they are, a fractional number truncated, a boolean as
    /// 1 or 0 (JSONSerialization's NSNumber did the same). Nil for anything else or out of range.
    public static func int(_ value: Any?) -> Int? {
        switch value {
        case let number as Int: number
        case let number as Double: number.isFinite ? Int(exactly: number.rounded(.towardZero)) : nil
        case let flag as Bool: flag ? 1 : 0
        default: nil
        }
    }

    /// A number as a Double (a boolean as 1 or 0), else nil.
    public static func double(_ value: Any?) -> Double? {
        switch value {
        case let number as Int: Double(number)
        case let number as Double: number
        case let flag as Bool: flag ? 1 : 0
        default: nil
        }
    }

    /// A number spelled as JSONSerialization's NSNumber did: "5" for 5 and 5.0, "5.5", "1e+20";
    /// a boolean as "1" or "0". Nil for anything that is not a number.
    public static func numberText(_ value: Any?) -> String? {
        switch value {
        case let number as Int: String(number)
        case let number as Double: number.isFinite ? doubleText(number) : nil
        case let flag as Bool: flag ? "1" : "0"
        default: nil
        }
    }

    static func doubleText(_ number: Double) -> String {
        let text = number.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    // MARK: Writing

    private static func write(_ value: Any, into out: inout [UInt8], depth: Int) -> Bool {
        guard depth < maximumDepth else { return false }
        switch value {
        case let text as String: writeString(text, into: &out)
        case let flag as Bool: out += Array((flag ? "true" : "false").utf8)
        case let number as Int: out += Array(String(number).utf8)
        case let number as Double:
            guard number.isFinite else { return false }
            out += Array(doubleText(number).utf8)
        case let number as any BinaryInteger: out += Array(String(number).utf8)
        case is Null: out += Array("null".utf8)
        case let list as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                guard write(element, into: &out, depth: depth + 1) else { return false }
            }
            out.append(UInt8(ascii: "]"))
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                guard write(object[key]!, into: &out, depth: depth + 1) else { return false }
            }
            out.append(UInt8(ascii: "}"))
        default: return false
        }
        return true
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "/"): out += [UInt8(ascii: "\\"), byte]
            case 0x08: out += Array(#"\b"#.utf8)
            case 0x0C: out += Array(#"\f"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0..<0x20: out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Deeper documents are refused (no vendor nests this far; recursion must not overflow).
    static let maximumDepth = 512

    // MARK: Reading

    private struct Malformed: Error {}

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            // A UTF-8 byte order mark, as JSONSerialization skipped it.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { at = 3 }
        }

        mutating func document() throws -> Any {
            let value = try self.value(depth: 0)
            skipSpace()
            guard at == bytes.count else { throw Malformed() }
            return value
        }

        private mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default: return
                }
            }
        }

        private mutating func value(depth: Int) throws -> Any {
            guard depth < LooseJSON.maximumDepth else { throw Malformed() }
            skipSpace()
            guard at < bytes.count else { throw Malformed() }
            switch bytes[at] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "t"): try literal("true"); return true
            case UInt8(ascii: "f"): try literal("false"); return false
            case UInt8(ascii: "n"): try literal("null"); return LooseJSON.null
            default: return try number()
            }
        }

        private mutating func literal(_ word: StaticString) throws {
            let count = word.utf8CodeUnitCount
            guard bytes.count - at >= count else { throw Malformed() }
            for index in 0..<count where bytes[at + index] != word.utf8Start[index] { throw Malformed() }
            at += count
        }

        private mutating func object(depth: Int) throws -> [String: Any] {
            at += 1
            var object: [String: Any] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                at += 1
                return object
            }
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw Malformed() }
                let key = try string()
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw Malformed() }
                at += 1
                object[key] = try value(depth: depth + 1)
                skipSpace()
                guard at < bytes.count else { throw Malformed() }
                at += 1
                switch bytes[at - 1] {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "}"): return object
                default: throw Malformed()
                }
            }
        }

        private mutating func array(depth: Int) throws -> [Any] {
            at += 1
            var list: [Any] = []
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                at += 1
                return list
            }
            while true {
                list.append(try value(depth: depth + 1))
                skipSpace()
                guard at < bytes.count else { throw Malformed() }
                at += 1
                switch bytes[at - 1] {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return list
                default: throw Malformed()
                }
            }
        }

        private mutating func string() throws -> String {
            at += 1
            var out: [UInt8] = []
            while true {
                guard at < bytes.count else { throw Malformed() }
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""):
                    // Invalid UTF-8 is not JSON (JSONSerialization refused it too).
                    guard let text = String(validating: out, as: UTF8.self) else { throw Malformed() }
                    return text
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw Malformed() }
                    let escaped = bytes[at]
                    at += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"): out += Array(String(try escapedScalar()).utf8)
                    default: throw Malformed()
                    }
                case 0..<0x20: throw Malformed()
                default: out.append(byte)
                }
            }
        }

        /// `\uXXXX`, a surrogate pair as two of them; a lone surrogate is malformed.
        private mutating func escapedScalar() throws -> Unicode.Scalar {
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard bytes.count - at >= 6, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u") else {
                    throw Malformed()
                }
                at += 2
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second) else { throw Malformed() }
                let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw Malformed() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw Malformed() }
            return scalar
        }

        private mutating func hex4() throws -> UInt32 {
            guard bytes.count - at >= 4 else { throw Malformed() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[at]
                at += 1
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Malformed()
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }

        /// RFC 8259's number grammar; an integer that fits is an Int, anything else a Double.
        private mutating func number() throws -> Any {
            let start = at
            func digits() -> Int {
                let from = at
                while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
                return at - from
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "-") { at += 1 }
            let integerStart = at
            let integerDigits = digits()
            guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw Malformed() }
            var integral = true
            if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
                at += 1
                integral = false
                guard digits() > 0 else { throw Malformed() }
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
                at += 1
                integral = false
                if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
                guard digits() > 0 else { throw Malformed() }
            }
            let text = String(decoding: bytes[start..<at], as: UTF8.self)
            if integral, let int = Int(text) { return int }
            guard let double = Double(text), double.isFinite else { throw Malformed() }
            return double
        }
    }
}
