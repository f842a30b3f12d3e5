import Foundation

/// The `[message]` INI files Asterisk writes next to each voicemail.
///
/// Values are written on one line; newlines and backslashes inside a value are escaped
/// (`\n`, `\r`, `\\`) so a hostile transcription cannot inject keys or sections.
struct IniFile: Equatable, Sendable {
    /// Keys in file order, per section.
    var sections: [(name: String, entries: [(key: String, value: String)])] = []

    static func == (lhs: IniFile, rhs: IniFile) -> Bool {
        lhs.render() == rhs.render()
    }

    func value(_ key: String, in section: String = "message") -> String? {
        sections.first { $0.name == section }?.entries.last { $0.key == key }?.value
    }

    init(section: String, entries: [(key: String, value: String)]) {
        sections = [(section, entries)]
    }

    init(parsing text: String) {
        var current: (name: String, entries: [(key: String, value: String)])?
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                if let current { sections.append(current) }
                current = (String(line.dropFirst().dropLast()), [])
                continue
            }
            // Asterisk writes "key=value"; older files use "key => value".
            guard let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var valueStart = line.index(after: equals)
            if valueStart < line.endIndex, line[valueStart] == ">" { valueStart = line.index(after: valueStart) }
            if key.hasSuffix(" ") { key = key.trimmingCharacters(in: .whitespaces) }
            let value = Self.unescape(String(line[valueStart...]).trimmingCharacters(in: .whitespaces))
            if current == nil { current = ("", []) }
            current?.entries.append((key, value))
        }
        if let current { sections.append(current) }
    }

    func render() -> String {
        var out = ""
        for section in sections {
            out += ";\n; Message Information file\n;\n[\(section.name)]\n"
            for (key, value) in section.entries {
                out += "\(key)=\(Self.escape(value))\n"
            }
        }
        return out
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                // Other control characters have no business in a caller id or label.
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func unescape(_ value: String) -> String {
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
