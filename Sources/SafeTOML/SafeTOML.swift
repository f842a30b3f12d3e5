@_exported import TOMLKit

/// TOMLKit's parser (toml++) asserts — aborts in debug builds, undefined behaviour in release —
/// on a table header whose first key character is neither a bare-key character nor a quote
/// when that character is not ASCII (`[é]`). Config and theme files are typed by people, so
/// every TOML text vmtui reads goes through here: such lines are refused with a line number
/// before toml++ sees them, and parse errors come back as one line.
public enum SafeTOML {
    public struct ParseError: Error, Sendable, Equatable {
        /// 1-based, when known.
        public var line: Int?
        /// One line, without the offending text's control characters.
        public var reason: String
    }

    public static func parse(_ text: String) throws(ParseError) -> TOMLTable {
        if let line = firstUnsafeLine(in: text) {
            throw ParseError(line: line, reason: "invalid key or table header (keys are ASCII letters, digits, _ and - or quoted; [table] on a line of its own)")
        }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ParseError(line: error.source.begin.line, reason: oneLine(error.description))
        } catch {
            throw ParseError(line: nil, reason: "invalid TOML")
        }
    }

    /// The line of the first thing toml++ must not see: a non-ASCII or control character
    /// outside strings and comments (TOML allows neither), or a table header that is not
    /// `[key(.key)*]` / `[[…]]` (toml++ asserts on `[é]`, `[.x]` and a `[` before a line break).
    static func firstUnsafeLine(in text: String) -> Int? {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.run()
    }

    private struct Scanner {
        enum Mode { case code, comment, basic, literal, multiBasic, multiLiteral }
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var mode = Mode.code
        /// Open `[` and `{` of a value; headers only start at depth 0.
        var depth = 0
        /// After `key =` on this line (or inside a multi-line value).
        var inValue = false
        var atLineStart = true

        init(bytes: [UInt8]) { self.bytes = bytes }

        func starts(_ quote: UInt8) -> Bool {
            index + 3 <= bytes.count && bytes[index] == quote && bytes[index + 1] == quote && bytes[index + 2] == quote
        }

        static func isBare(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        static func isForbidden(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == 0x7F || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
        }

        mutating func skipBlanks() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        }

        /// `[` at index: consumes a well-formed header and returns true, or returns false.
        mutating func header() -> Bool {
            index += 1
            let double = index < bytes.count && bytes[index] == UInt8(ascii: "[")
            if double { index += 1 }
            while true {
                skipBlanks()
                guard index < bytes.count else { return false }
                let byte = bytes[index]
                if Self.isBare(byte) {
                    while index < bytes.count, Self.isBare(bytes[index]) { index += 1 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    index += 1
                    while index < bytes.count, bytes[index] != byte, bytes[index] != 0x0A {
                        if bytes[index] < 0x80, Self.isForbidden(bytes[index]) { return false }
                        if byte == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\") { index += 1 }
                        index += 1
                    }
                    guard index < bytes.count, bytes[index] == byte else { return false }
                    index += 1
                } else {
                    return false
                }
                skipBlanks()
                guard index < bytes.count else { return false }
                if bytes[index] == UInt8(ascii: ".") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { return false }
                index += 1
                if double {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return false }
                    index += 1
                }
                return true
            }
        }

        mutating func run() -> Int? {
            let doubleQuote = UInt8(ascii: "\"")
            let singleQuote = UInt8(ascii: "'")
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    if mode == .comment || mode == .basic || mode == .literal { mode = .code }
                    if depth == 0, mode == .code { inValue = false }
                    atLineStart = true
                    index += 1
                    continue
                }
                switch mode {
                case .code:
                    if Self.isForbidden(byte) { return line }
                    let wasLineStart = atLineStart
                    if byte != 0x20, byte != 0x09, byte != 0x0D { atLineStart = false }
                    if byte == UInt8(ascii: "["), wasLineStart, depth == 0, !inValue {
                        if !header() { return line }
                        continue
                    }
                    if starts(doubleQuote) {
                        mode = .multiBasic
                        index += 3
                        continue
                    }
                    if starts(singleQuote) {
                        mode = .multiLiteral
                        index += 3
                        continue
                    }
                    switch byte {
                    case UInt8(ascii: "#"): mode = .comment
                    case doubleQuote: mode = .basic
                    case singleQuote: mode = .literal
                    case UInt8(ascii: "="): inValue = true
                    case UInt8(ascii: "["), UInt8(ascii: "{"): if inValue { depth += 1 }
                    case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                    default: break
                    }
                case .comment:
                    break
                case .basic, .multiBasic:
                    if byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if mode == .multiBasic, starts(doubleQuote) {
                        mode = .code
                        index += 3
                        continue
                    }
                    if mode == .basic, byte == doubleQuote { mode = .code }
                case .literal:
                    if byte == singleQuote { mode = .code }
                case .multiLiteral:
                    if starts(singleQuote) {
                        mode = .code
                        index += 3
                        continue
                    }
                }
                index += 1
            }
            return nil
        }
    }

    /// toml++ quotes the offending source, which may hold line breaks and escapes.
    static func oneLine(_ text: String) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t"
            if isSpace {
                if !lastWasSpace, !result.isEmpty { result.append(" ") }
                lastWasSpace = true
            } else if scalar.value >= 0x20, scalar.value != 0x7F, !(0x80...0x9F).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result.count > 200 ? String(result.prefix(199)) + "…" : result
    }
}
