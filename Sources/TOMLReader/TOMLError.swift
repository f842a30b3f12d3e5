/// Why a TOML text was refused, and where: one line, without the text's control characters.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String { "line \(line), column \(column): \(reason)" }

    /// A key or token as it may appear in a reason: control and invisible format characters
    /// escaped, and cut short, so a hostile file cannot steer the terminal or flood the line.
    static func quoted(_ text: String) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 {
                result += "…"
                break
            }
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || scalar.properties.generalCategory == .format
                || value == 0x2028 || value == 0x2029
            {
                result += "\\u{" + String(value, radix: 16) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return "\"" + result + "\""
    }
}

/// Bounds that keep a hostile file from exhausting the stack (nesting) or memory (size).
public struct TOMLLimits: Sendable, Equatable {
    /// Bytes of input.
    public var maxBytes: Int
    /// Tables and arrays inside one another, counting every table a dotted key or header opens.
    public var maxDepth: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
