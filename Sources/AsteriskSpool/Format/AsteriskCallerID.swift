/// A caller id as app_voicemail stores it: `"Name" <number>` (the name with `"` and `\` and
/// other unsafe characters backslash-escaped), a bare number, a bare name, or `Unknown`.
public struct AsteriskCallerID: Sendable, Equatable {
    public var name: String?
    /// Empty when the caller withheld it (`Unknown`).
    public var number: String

    public init(name: String?, number: String) {
        self.name = name
        self.number = number
    }

    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.lowercased() == "unknown" || trimmed == "<unknown>" {
            self.init(name: nil, number: "")
            return
        }
        if trimmed.hasSuffix(">"), let open = Self.openingBracket(in: trimmed) {
            let number = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var namePart = Substring(trimmed[..<open]).trimmingCharacters(in: .whitespaces)[...]
            var name: String
            if namePart.hasPrefix("\""), namePart.hasSuffix("\""), namePart.count >= 2 {
                namePart = namePart.dropFirst().dropLast()
                name = Self.unescape(namePart)
            } else {
                name = String(namePart)
            }
            name = name.trimmingCharacters(in: .whitespaces)
            self.init(name: name.isEmpty ? nil : name, number: number.trimmingCharacters(in: .whitespaces))
            return
        }
        // No brackets: Asterisk writes the number alone, or the name alone when there is no number;
        // ast_callerid_parse takes it for a number when, once spaces, `-`, `.`, `(` and `)` are
        // dropped, only digits, `+`, `*` and `#` are left (and keeps that shorter form).
        let shrunk = trimmed.filter { !" -.()".contains($0) }
        if !shrunk.isEmpty, shrunk.allSatisfy({ $0.isASCII && ($0.isNumber || "+*#".contains($0)) }) {
            self.init(name: nil, number: shrunk)
        } else {
            var name = trimmed[...]
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = name.dropFirst().dropLast() }
            self.init(name: Self.unescape(name), number: "")
        }
    }

    /// The last `<` outside the quoted name.
    private static func openingBracket(in text: String) -> String.Index? {
        var inQuotes = false
        var escaping = false
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" && inQuotes {
                escaping = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "<" && !inQuotes {
                found = index
            }
            index = text.index(after: index)
        }
        return found
    }

    private static func unescape(_ text: Substring) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        if escaping { out.append("\\") }
        return out
    }

    /// As app_voicemail writes it: both parts quoted and bracketed, one part bare, or `Unknown`.
    public var asteriskString: String {
        let name = name.flatMap { $0.isEmpty ? nil : $0 }
        switch (name, number.isEmpty) {
        case (let name?, false): return "\"\(Self.escape(name))\" <\(number)>"
        case (let name?, true): return name
        case (nil, false): return number
        case (nil, true): return "Unknown"
        }
    }

    /// Backslash before every ASCII character outside the set a quoted SIP display name may
    /// hold unescaped (what Asterisk's ast_escape_quoted does).
    static func escape(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let v = scalar.value
            let plain = v == 0x09 || v == 0x0B || v == 0x20 || v == 0x21 || (0x23...0x5B).contains(v)
                || (0x5D...0x7E).contains(v) || v > 0x7F
            if !plain { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
