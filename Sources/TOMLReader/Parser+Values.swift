extension Parser {
    /// The value at `index`; `depth` is how deep it would sit, checked against the limit.
    mutating func value(depth: Int) throws(TOMLError) -> TOMLValue {
        guard let byte = peek(), byte != .lineFeed, byte != .carriageReturn, byte != .hash else {
            throw fail("expected a value")
        }
        switch byte {
        case .quote:
            if peek(1) == .quote, peek(2) == .quote { return .string(try multiLineBasicString()) }
            return .string(try basicString())
        case .apostrophe:
            if peek(1) == .apostrophe, peek(2) == .apostrophe { return .string(try multiLineLiteralString()) }
            return .string(try literalString())
        case .openBracket:
            return try array(depth: depth)
        case .openBrace:
            return try inlineTable(depth: depth)
        default:
            return try scalar()
        }
    }

    mutating func checkDepth(_ depth: Int) throws(TOMLError) {
        guard depth <= limits.maxDepth else { throw fail("values nested more than \(limits.maxDepth) deep") }
    }

    /// `[1, 2, "three"]`: line breaks and comments are allowed between values, and a trailing comma.
    mutating func array(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        index += 1
        var values: [TOMLValue] = []
        while true {
            try skipSpaceAndComments()
            if isAt(.closeBracket) { break }
            if index == bytes.count { throw fail("unterminated array (expected ])") }
            values.append(try value(depth: depth + 1))
            try skipSpaceAndComments()
            if isAt(.comma) {
                index += 1
            } else if isAt(.closeBracket) {
                break
            } else {
                throw fail(index == bytes.count ? "unterminated array (expected ])" : "expected , or ] after an array value")
            }
        }
        index += 1
        return .array(values)
    }

    /// `{ a = 1, b.c = 2 }`: on one line, no trailing comma, closed once written.
    mutating func inlineTable(depth: Int) throws(TOMLError) -> TOMLValue {
        try checkDepth(depth)
        index += 1
        let table = TableNode(origin: .inline, depth: depth)
        skipBlanks()
        if isAt(.closeBrace) {
            index += 1
            return .table(table.freeze())
        }
        while true {
            skipBlanks()
            if atNewline || index == bytes.count { throw fail("an inline table must be on one line (expected })") }
            if isAt(.closeBrace) { throw fail("no trailing comma allowed in an inline table") }
            try keyValue(into: table)
            skipBlanks()
            if isAt(.comma) {
                index += 1
            } else if isAt(.closeBrace) {
                index += 1
                return .table(table.freeze())
            } else {
                throw fail(atNewline || index == bytes.count
                    ? "an inline table must be on one line (expected })" : "expected , or } in an inline table")
            }
        }
    }

    // MARK: Strings

    /// `"…"` with escapes, on one line.
    mutating func basicString() throws(TOMLError) -> String {
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fail("unterminated string (expected \")") }
            let byte = bytes[index]
            switch byte {
            case .quote:
                index += 1
                return String(decoding: text, as: UTF8.self)
            case .backslash:
                try escape(into: &text)
            case .lineFeed, .carriageReturn:
                throw fail("line break in a one-line string (use \"\"\" for several lines)")
            default:
                if byte.isControl { throw fail("control character \(byte.hex) in a string (use an escape)") }
                text.append(byte)
                index += 1
            }
        }
    }

    /// `"""…"""`: a line break right after the opening quotes is dropped, a backslash at the
    /// end of a line drops the break and the blanks after it, and up to two quotes may sit
    /// before the closing three.
    mutating func multiLineBasicString() throws(TOMLError) -> String {
        index += 3
        if atNewline { try newline() }
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fail("unterminated multi-line string (expected \"\"\")") }
            let byte = bytes[index]
            switch byte {
            case .quote:
                if let closed = try closingQuotes(.quote, into: &text) { return closed }
            case .backslash:
                var after = index + 1
                while after < bytes.count, bytes[after] == .space || bytes[after] == .tab { after += 1 }
                if after < bytes.count, bytes[after] == .lineFeed || bytes[after] == .carriageReturn {
                    index = after
                    while true {
                        skipBlanks()
                        guard atNewline else { break }
                        try newline()
                    }
                } else {
                    try escape(into: &text)
                }
            case .lineFeed, .carriageReturn:
                try newline()
                text.append(.lineFeed)
            default:
                if byte.isControl { throw fail("control character \(byte.hex) in a string (use an escape)") }
                text.append(byte)
                index += 1
            }
        }
    }

    /// At a quote inside a multi-line string: three to five quotes close it (the first up to
    /// two being text), fewer are text.
    mutating func closingQuotes(_ quote: UInt8, into text: inout [UInt8]) throws(TOMLError) -> String? {
        var run = 0
        while index + run < bytes.count, bytes[index + run] == quote { run += 1 }
        if run < 3 {
            text.append(contentsOf: repeatElement(quote, count: run))
            index += run
            return nil
        }
        guard run <= 5 else { throw fail("too many quotes at the end of a multi-line string") }
        text.append(contentsOf: repeatElement(quote, count: run - 3))
        index += run
        return String(decoding: text, as: UTF8.self)
    }

    /// `'…'`: no escapes, one line.
    mutating func literalString() throws(TOMLError) -> String {
        index += 1
        let start = index
        while true {
            guard index < bytes.count else { throw fail("unterminated string (expected ')") }
            let byte = bytes[index]
            if byte == .apostrophe { break }
            if byte == .lineFeed || byte == .carriageReturn {
                throw fail("line break in a one-line string (use ''' for several lines)")
            }
            if byte.isControl { throw fail("control character \(byte.hex) in a string") }
            index += 1
        }
        defer { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `'''…'''`
    mutating func multiLineLiteralString() throws(TOMLError) -> String {
        index += 3
        if atNewline { try newline() }
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else { throw fail("unterminated multi-line string (expected ''')") }
            let byte = bytes[index]
            switch byte {
            case .apostrophe:
                if let closed = try closingQuotes(.apostrophe, into: &text) { return closed }
            case .lineFeed, .carriageReturn:
                try newline()
                text.append(.lineFeed)
            default:
                if byte.isControl { throw fail("control character \(byte.hex) in a string") }
                text.append(byte)
                index += 1
            }
        }
    }

    /// A backslash escape at `index`: \b \t \n \f \r \" \\ \uXXXX \UXXXXXXXX.
    mutating func escape(into text: inout [UInt8]) throws(TOMLError) {
        let start = here()
        guard let letter = peek(1) else { throw fail("unterminated string") }
        index += 2
        let simple: UInt8? =
            switch letter {
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "r"): 0x0D
            case .quote: .quote
            case .backslash: .backslash
            default: nil
            }
        if let simple {
            text.append(simple)
            return
        }
        let width: Int
        switch letter {
        case UInt8(ascii: "u"): width = 4
        case UInt8(ascii: "U"): width = 8
        default:
            let shown = letter < 0x80 && !letter.isControl ? "\\" + String(UnicodeScalar(letter)) : "\\ followed by \(letter.hex)"
            throw fail(at: start, "invalid escape \(shown) (valid: \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)")
        }
        var code: UInt32 = 0
        for _ in 0..<width {
            guard let digit = peek().flatMap(Self.hexValue) else {
                throw fail(at: start, "\\\(width == 4 ? "u" : "U") needs \(width) hexadecimal digits")
            }
            code = code << 4 | UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw fail(at: start, "escape \\\(width == 4 ? "u" : "U")\(String(code, radix: 16, uppercase: true)) is not a Unicode scalar value")
        }
        text.append(contentsOf: String(scalar).utf8)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
