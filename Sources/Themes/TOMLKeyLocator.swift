/// Finds the line where a key is written in TOML text. TOMLKit reports lines for syntax
/// errors only; a semantic error (an unknown colour) still deserves a line number.
struct TOMLKeyLocator {
    private var entries: [(path: [String], line: Int)] = []

    // Character searches only: a String argument resolves to Foundation's NSString search,
    // which pages in CoreFoundation's string code on every launch.
    init(text: String) {
        var table: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let line = rawLine.strippingBlanks()
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" })
                table = TOMLKeyLocator.keyPath(inner) ?? table
                entries.append((table, index + 1))
            } else if let key = TOMLKeyLocator.keyPath(Substring(line)), line.contains(Character("=")) {
                entries.append((table + key, index + 1))
            }
        }
    }

    /// The line of `path`, or of the nearest written ancestor (an inline table, the table
    /// header) when the key itself is not on a line of its own.
    func line(of path: [String]) -> Int? {
        var candidate = path
        while !candidate.isEmpty {
            if let entry = entries.first(where: { $0.path == candidate }) { return entry.line }
            candidate.removeLast()
        }
        return nil
    }

    /// Reads a dotted key (`a."b.c".d`) from the start of `text`, up to `=` or `]`.
    static func keyPath(_ text: Substring) -> [String]? {
        var parts: [String] = []
        var rest = text[...]
        while true {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let first = rest.first else { return nil }
            if first == "\"" || first == "'" {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: first) else { return nil }
                parts.append(String(body[..<end]))
                rest = body[body.index(after: end)...]
            } else {
                let bare = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
                guard !bare.isEmpty else { return nil }
                parts.append(String(bare))
                rest = rest.dropFirst(bare.count)
            }
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            guard let next = rest.first else { return nil }
            if next == "." {
                rest = rest.dropFirst()
            } else if next == "=" || next == "]" {
                return parts
            } else {
                return nil
            }
        }
    }
}

extension Substring {
    fileprivate func strippingBlanks() -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        let start = firstIndex(where: { !blank($0) }) ?? endIndex
        let end = lastIndex(where: { !blank($0) }).map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
