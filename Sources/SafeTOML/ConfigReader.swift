import DisplayText
import TOMLReader

/// Typed reads from a config file's TOML, with errors that name the file and the line of the
/// key. Each module reads its own keys (connection, spool, screen); none sees the others'.
public struct ConfigReader {
    let table: TOMLTable
    /// The file, for messages.
    public let path: String

    /// Parses `text` (read from `path`); invalid TOML is one line naming the file and line.
    public init(parsing text: String, path: String) throws(SettingsError) {
        do {
            table = try SafeTOML.parse(text)
        } catch {
            throw SettingsError(file: path, line: error.line, "invalid TOML: \(error.reason)")
        }
        self.path = path
    }

    /// An error at the line where `key` is written (in `[tableName]` when given).
    public func error(_ key: String, _ message: String, table tableName: String? = nil) -> SettingsError {
        SettingsError(file: path, line: line(of: key, inTable: tableName), message)
    }

    func line(of key: String, inTable tableName: String?) -> Int? {
        guard let tableName else { return table.position(of: key)?.line }
        return table.position(at: [tableName, key])?.line
    }

    public func string(_ key: String) throws(SettingsError) -> String? {
        guard let value = table[key] else { return nil }
        guard let string = value.string else { throw error(key, "\"\(key)\" must be a string") }
        let trimmed = string.trimmingBlanks()
        return trimmed.isEmpty ? nil : trimmed
    }

    public func number(_ key: String) throws(SettingsError) -> Double? {
        guard let value = table[key] else { return nil }
        if let int = value.int { return Double(int) }
        if let double = value.double { return double }
        throw error(key, "\"\(key)\" must be a number")
    }

    public func positiveNumber(_ key: String) throws(SettingsError) -> Double? {
        guard let value = try number(key) else { return nil }
        guard value > 0 else { throw error(key, "\"\(key)\" must be more than 0 seconds") }
        return value
    }

    public func bool(_ key: String) throws(SettingsError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else { throw error(key, "\"\(key)\" must be true or false") }
        return bool
    }

    /// One of a fixed set of words, in any case ("Session", "session"); a wrong one is refused
    /// with the words that would do.
    public func choice<Value: RawRepresentable & CaseIterable>(_ key: String) throws(SettingsError) -> Value?
    where Value.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let value = Value(rawValue: text.lowercased()) else {
            let words = Value.allCases.map(\.rawValue)
            let list = words.count > 1 ? words.dropLast().joined(separator: ", ") + " or " + words.last! : words.joined()
            throw error(key, "\"\(key)\" must be \(list), not \"\(TerminalSafe.errorDetail(text))\"")
        }
        return value
    }

    public func keyTable() throws(SettingsError) -> [String: [String]] {
        guard let value = table["keys"] else { return [:] }
        guard let keys = value.table else { throw error("keys", "\"keys\" must be a table ([keys])") }
        var result: [String: [String]] = [:]
        for action in keys.keys {
            guard let entry = keys[action] else { continue }
            if let single = entry.string {
                result[action] = [single]
            } else if let array = entry.array {
                var specs: [String] = []
                for element in array {
                    guard let spec = element.string else {
                        throw error(action, "keys.\(action) must list key names as strings", table: "keys")
                    }
                    specs.append(spec)
                }
                result[action] = specs
            } else {
                throw error(action, "keys.\(action) must be a key name or a list of key names", table: "keys")
            }
        }
        return result
    }

    /// One warning per top-level key that none of `known` names.
    public func unknownKeyWarnings(known: Set<String>) -> [ConfigWarning] {
        table.keys.filter { !known.contains($0) }.sorted().map { key in
            ConfigWarning(
                file: path, line: line(of: key, inTable: nil),
                message: "unknown key \"\(TerminalSafe.errorDetail(key))\" (ignored)")
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (and other horizontal white space);
    /// line breaks inside a value are the user's.
    fileprivate func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[first...last])
    }
}
