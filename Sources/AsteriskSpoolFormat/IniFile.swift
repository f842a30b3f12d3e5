
/// The `[message]` INI files Asterisk writes next to each voicemail.
///
/// Values are kept exactly as written: Asterisk writes them raw (a caller name's quotes are
/// escaped inside `callerid` by Asterisk's own rules, not by the file format). Whoever puts a
/// value here makes sure it holds no line break; `MessageRecord` escapes the multi-line fields
/// it adds (transcription, subject).
package struct IniFile: Equatable, Sendable {
    package struct Entry: Equatable, Sendable {
        package var key: String
        package var value: String

        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    package struct Section: Equatable, Sendable {
        package var name: String
        package var entries: [Entry]
    }

    /// Keys in file order, per section.
    package var sections: [Section] = []

    package func value(_ key: String, in section: String = "message") -> String? {
        sections.first { $0.name == section }?.entries.last { $0.key == key }?.value
    }

    package func hasSection(_ name: String) -> Bool { sections.contains { $0.name == name } }

    package init(section: String, entries: [Entry]) {
        sections = [Section(name: section, entries: entries)]
    }

    package init(parsing text: String) {
        var current: Section?
        for rawLine in Self.lines(text) {
            let line = rawLine.trimmingBlanks
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]"), line.count >= 2 {
                if let current { sections.append(current) }
                current = Section(name: String(line.dropFirst().dropLast()), entries: [])
                continue
            }
            // Asterisk writes "key=value"; older files use "key => value".
            // By scalar: a combining mark after "=" must not hide it.
            let scalars = line.unicodeScalars
            guard let equals = scalars.firstIndex(of: "=") else { continue }
            var valueStart = scalars.index(after: equals)
            if valueStart < scalars.endIndex, scalars[valueStart] == ">" { valueStart = scalars.index(after: valueStart) }
            // Control characters are cleaned here exactly as `render` cleans them, so what is
            // read equals what is written back.
            let key = Self.singleLine(String(scalars[..<equals])).trimmingBlanks
            let value = Self.singleLine(String(scalars[valueStart...])).trimmingBlanks
            if current == nil { current = Section(name: "", entries: []) }
            current?.entries.append(Entry(key: key, value: value))
        }
        if let current { sections.append(current) }
    }

    /// The non-empty lines. An ASCII text (every file Asterisk writes) is split by byte on
    /// its four newline characters, which gives the lines the split by Character gives ("\r\n"
    /// is one Character, but the empty line between "\r" and "\n" is dropped anyway) at a
    /// fraction of its cost; any other text is split by Character.
    static func lines(_ text: String) -> [Substring] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        }
        return text.utf8.split(omittingEmptySubsequences: true) { $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C }
            .map { Substring($0) }
    }

    package func render() -> String {
        var out = ""
        for section in sections {
            out += ";\n; Message Information file\n;\n[\(section.name)]\n"
            for entry in section.entries {
                let value = Self.singleLine(entry.value)
                // "key=>value" is the old spelling of "key=value": a value that starts with ">"
                // keeps it by being written in that spelling.
                out += "\(Self.singleLine(entry.key))=\(value.unicodeScalars.first == ">" ? ">" : "")\(value)\n"
            }
        }
        return out
    }

    /// A value that reaches the file can never start another key or section, whoever made it.
    package static func singleLine(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isControl) else { return value }
        var out = String.UnicodeScalarView()
        for scalar in value.unicodeScalars { out.append(isControl(scalar) ? " " : scalar) }
        return String(out)
    }

    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}"
            || scalar == "\u{85}"
    }

    /// For vmtui's own multi-line fields: `\n`, `\r` and `\\`, so one value stays one line.
    package static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if isControl(scalar) { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    package static func unescape(_ value: String) -> String {
        guard value.contains("\\") else { return value }
        var out = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(character)
                }
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
}
