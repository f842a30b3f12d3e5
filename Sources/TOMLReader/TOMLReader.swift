/// A TOML 1.0 reader on the Swift standard library alone (no Foundation): every value type,
/// every rule the specification states for invalid documents, errors with line and column,
/// one pass over the bytes, bounded nesting and size. Proven against toml-lang/toml-test
/// (scripts/toml-test-suite).
public enum TOMLReader {
    public static func parse(_ text: String, limits: TOMLLimits = TOMLLimits()) throws(TOMLError) -> TOMLTable {
        try parse(bytes: Array(text.utf8), limits: limits)
    }

    /// Reads UTF-8 bytes; invalid UTF-8 is refused (TOML documents are UTF-8).
    public static func parse(bytes: [UInt8], limits: TOMLLimits = TOMLLimits()) throws(TOMLError) -> TOMLTable {
        if bytes.count > limits.maxBytes {
            throw TOMLError(line: 1, column: 1, reason: "the document is larger than \(limits.maxBytes) bytes")
        }
        if let bad = UTF8Check.firstInvalid(bytes) {
            var parser = Parser(bytes: bytes, limits: limits)
            throw parser.failure(at: bad, "invalid UTF-8")
        }
        var parser = Parser(bytes: bytes, limits: limits)
        return try parser.document()
    }
}

enum UTF8Check {
    /// The offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (overlong forms, surrogates and values past U+10FFFF are ill-formed).
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
