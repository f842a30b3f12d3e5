/// The document's structure: lines, keys, headers, and where each key/value lands. Values
/// themselves are read in Parser+Strings.swift and Parser+Scalars.swift.
struct Parser {
    let bytes: [UInt8]
    let limits: TOMLLimits
    var index = 0
    var line = 1
    var lineStart = 0
    let root = TableNode(origin: .header, depth: 0)
    var current: TableNode

    init(bytes: [UInt8], limits: TOMLLimits) {
        self.bytes = bytes
        self.limits = limits
        current = root
    }

    // MARK: Positions and errors

    /// Where the column count has got to on the current line: positions are asked for at
    /// every key, so counting from the line's start each time would be quadratic on a long line.
    private var counted = (line: 0, offset: 0, column: 1)

    /// The position of `index`, counting on from the last one asked for (amortised linear).
    mutating func here() -> TOMLPosition {
        if counted.line != line || counted.offset < lineStart || counted.offset > index {
            counted = (line, lineStart, 1)
        }
        while counted.offset < index {
            if bytes[counted.offset] & 0xC0 != 0x80 { counted.column += 1 }
            counted.offset += 1
        }
        return TOMLPosition(line: line, column: counted.column)
    }

    /// The position of `index`, counted afresh: for errors, which end the parse.
    var position: TOMLPosition { position(at: index) }

    /// Columns count characters, not bytes. Only lines before `offset` are known to the
    /// parser as it goes; an earlier offset on the current line is what callers pass.
    func position(at offset: Int) -> TOMLPosition {
        var column = 1
        var cursor = lineStart
        while cursor < offset, cursor < bytes.count {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return TOMLPosition(line: line, column: column)
    }

    func fail(_ reason: String) -> TOMLError { fail(at: position, reason) }

    func fail(at position: TOMLPosition, _ reason: String) -> TOMLError {
        TOMLError(line: position.line, column: position.column, reason: reason)
    }

    /// For an offset anywhere in the document (used before parsing, by the UTF-8 check).
    mutating func failure(at offset: Int, _ reason: String) -> TOMLError {
        for cursor in 0..<offset where bytes[cursor] == 0x0A {
            line += 1
            lineStart = cursor + 1
        }
        return fail(at: position(at: offset), reason)
    }

    // MARK: Bytes

    func peek(_ ahead: Int = 0) -> UInt8? {
        index + ahead < bytes.count ? bytes[index + ahead] : nil
    }

    func isAt(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    mutating func skipBlanks() {
        while index < bytes.count, bytes[index] == .space || bytes[index] == .tab { index += 1 }
    }

    /// A line break (LF or CRLF) at `index`.
    mutating func newline() throws(TOMLError) {
        if isAt(.lineFeed) {
            index += 1
        } else if isAt(.carriageReturn), peek(1) == .lineFeed {
            index += 2
        } else {
            throw fail("carriage return without a line feed")
        }
        line += 1
        lineStart = index
    }

    var atNewline: Bool { isAt(.lineFeed) || isAt(.carriageReturn) }

    /// `#` to the end of the line (the break itself is left).
    mutating func comment() throws(TOMLError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == .lineFeed || (byte == .carriageReturn && peek(1) == .lineFeed) { return }
            if byte.isControl { throw fail("control character \(byte.hex) in a comment") }
            index += 1
        }
    }

    /// Blanks, comments and line breaks, as allowed between an array's values.
    mutating func skipSpaceAndComments() throws(TOMLError) {
        while true {
            skipBlanks()
            if isAt(.hash) {
                try comment()
            } else if atNewline {
                try newline()
            } else {
                return
            }
        }
    }

    /// After a key/value or a header: blanks, perhaps a comment, then a line break or the end.
    mutating func endOfLine(after what: String) throws(TOMLError) {
        skipBlanks()
        if isAt(.hash) { try comment() }
        if index == bytes.count { return }
        guard atNewline else { throw fail("expected a line break after \(what)") }
        try newline()
    }

    // MARK: Document

    mutating func document() throws(TOMLError) -> TOMLTable {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
        while index < bytes.count {
            skipBlanks()
            guard let byte = peek() else { break }
            switch byte {
            case .hash:
                try comment()
                try endOfLine(after: "a comment")
            case .lineFeed, .carriageReturn:
                try newline()
            case .openBracket:
                try header()
                try endOfLine(after: "a table header")
            default:
                try keyValue(into: current)
                try endOfLine(after: "a value")
            }
        }
        return root.freeze()
    }

    // MARK: Keys

    /// `a."b.c".'d'`: the parts of a dotted key, each with where it is written.
    mutating func key() throws(TOMLError) -> [(name: String, position: TOMLPosition)] {
        var parts: [(name: String, position: TOMLPosition)] = []
        while true {
            skipBlanks()
            let start = here()
            let name: String
            switch peek() {
            case .quote?:
                if peek(1) == .quote, peek(2) == .quote { throw fail("a key cannot be a multi-line string") }
                name = try basicString()
            case .apostrophe?:
                if peek(1) == .apostrophe, peek(2) == .apostrophe { throw fail("a key cannot be a multi-line string") }
                name = try literalString()
            default:
                let begin = index
                while index < bytes.count, bytes[index].isBareKey { index += 1 }
                guard index > begin else { throw fail(parts.isEmpty ? "expected a key" : "expected a key after the dot") }
                name = String(decoding: bytes[begin..<index], as: UTF8.self)
            }
            parts.append((name, start))
            skipBlanks()
            guard isAt(.dot) else { return parts }
            index += 1
        }
    }

    static func dotted(_ parts: some Sequence<String>) -> String {
        TOMLError.quoted(parts.joined(separator: "."))
    }

    // MARK: Key/value

    /// `key = value` into `table` (the current table, or an inline table being read).
    mutating func keyValue(into table: TableNode) throws(TOMLError) {
        let parts = try key()
        var node = table
        for (offset, part) in parts.dropLast().enumerated() {
            switch node[part.name]?.slot {
            case nil:
                let child = try makeTable(.dotted, under: node, at: part.position)
                node.add(part.name, .table(child), at: part.position)
                node = child
            case .table(let child)? where child.origin == .dotted:
                node = child
            case .table?, .tableArray?:
                throw fail(at: part.position, "table \(Self.dotted(parts[...offset].map(\.name))) is defined elsewhere; dotted keys cannot add to it")
            case .value?:
                throw fail(at: part.position, "\(Self.dotted(parts[...offset].map(\.name))) is already a value, not a table")
            }
        }
        let last = parts[parts.count - 1]
        if node[last.name] != nil {
            throw fail(at: last.position, "key \(Self.dotted(parts.map(\.name))) is defined twice")
        }
        guard isAt(.equals) else {
            throw fail(atNewline || index == bytes.count ? "expected = and a value after the key" : "expected = after the key")
        }
        index += 1
        skipBlanks()
        let value = try value(depth: node.depth + 1)
        node.add(last.name, .value(value), at: last.position)
    }

    mutating func makeTable(_ origin: TableNode.Origin, under parent: TableNode, at position: TOMLPosition) throws(TOMLError) -> TableNode {
        guard parent.depth < limits.maxDepth else {
            throw fail(at: position, "tables nested more than \(limits.maxDepth) deep")
        }
        return TableNode(origin: origin, depth: parent.depth + 1)
    }

    // MARK: Headers

    /// `[a.b]` or `[[a.b]]`: makes the named table the current one.
    mutating func header() throws(TOMLError) {
        let start = here()
        index += 1
        let isArray = isAt(.openBracket)
        if isArray { index += 1 }
        let parts = try key()
        guard isAt(.closeBracket) else { throw fail("expected ] to close the table header") }
        index += 1
        if isArray {
            guard isAt(.closeBracket) else { throw fail("expected ]] to close the array-of-tables header") }
            index += 1
        }
        var node = root
        for (offset, part) in parts.dropLast().enumerated() {
            switch node[part.name]?.slot {
            case nil:
                let child = try makeTable(.implicit, under: node, at: part.position)
                node.add(part.name, .table(child), at: start)
                node = child
            case .table(let child)?:
                node = child
            case .tableArray(let array)?:
                node = array.tables[array.tables.count - 1]
            case .value?:
                throw fail(at: part.position, "\(Self.dotted(parts[...offset].map(\.name))) is already a value, not a table")
            }
        }
        let last = parts[parts.count - 1]
        let name = Self.dotted(parts.map(\.name))
        if isArray {
            switch node[last.name]?.slot {
            case nil:
                let array = TableArray()
                let child = try makeTable(.header, under: node, at: last.position)
                array.tables.append(child)
                node.add(last.name, .tableArray(array), at: start)
                current = child
            case .tableArray(let array)?:
                let child = try makeTable(.header, under: node, at: last.position)
                array.tables.append(child)
                current = child
            case .table?, .value?:
                throw fail(at: last.position, "\(name) is already defined and is not an array of tables")
            }
        } else {
            switch node[last.name]?.slot {
            case nil:
                let child = try makeTable(.header, under: node, at: last.position)
                node.add(last.name, .table(child), at: start)
                current = child
            case .table(let child)? where child.origin == .implicit:
                child.origin = .header
                node.move(last.name, to: start)
                current = child
            case .table?, .tableArray?, .value?:
                throw fail(at: last.position, "table \(name) is defined twice")
            }
        }
    }
}

extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space = UInt8(ascii: " ")
    static let hash = UInt8(ascii: "#")
    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let dot = UInt8(ascii: ".")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    /// Control characters TOML refuses in strings and comments: all but tab.
    var isControl: Bool { (self < 0x20 && self != .tab) || self == 0x7F }

    var isDigit: Bool { self >= 0x30 && self <= 0x39 }

    var isBareKey: Bool {
        isDigit || (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) || self == 0x5F || self == 0x2D
    }

    var hex: String {
        let digits = Array("0123456789ABCDEF")
        return "U+00" + String(digits[Int(self >> 4)]) + String(digits[Int(self & 0xF)])
    }
}
