/// Tab completion of a typed path, as shells do it: the directory part is listed (by the
/// runtime), the last part is completed against it.
public enum PathCompletion {
    /// The directory to list for `text` (as typed: "~/Mus", "", "/tmp/") and the prefix of
    /// the name being completed.
    public static func split(_ text: String) -> (directory: String, prefix: String) {
        guard let slash = text.lastIndex(of: "/") else {
            // "~" alone means the home folder itself.
            if text == "~" { return ("~/", "") }
            return ("", text)
        }
        return (String(text[...slash]), String(text[text.index(after: slash)...]))
    }

    public enum Outcome: Equatable, Sendable {
        /// Nothing starts with what was typed.
        case noMatch
        /// The new text; `candidates` lists the names still possible when it is ambiguous
        /// (empty when the completion is unique).
        case completed(String, candidates: [String])
    }

    /// Completes `text` with the entries of its directory. Hidden entries count only when
    /// the prefix starts with a dot. A unique directory gets its "/" so Tab can go on.
    public static func complete(_ text: String, entries: [DirectoryEntry]) -> Outcome {
        let (directory, prefix) = split(text)
        let matches = entries
            .filter { $0.name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        guard let first = matches.first else { return .noMatch }
        if matches.count == 1 {
            return .completed(directory + first.name + (first.isDirectory ? "/" : ""), candidates: [])
        }
        let common = matches.dropFirst().reduce(first.name) { commonPrefix($0, $1.name) }
        let names = matches.map { $0.name + ($0.isDirectory ? "/" : "") }
        return .completed(directory + (common.count > prefix.count ? common : prefix), candidates: names)
    }

    static func commonPrefix(_ a: String, _ b: String) -> String {
        var result = ""
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            result.append(x)
        }
        return result
    }

    /// A file name from untrusted text: letters and digits kept, everything else one "-".
    public static func safeFileName(_ text: String) -> String {
        var result = ""
        for character in text {
            if character.isLetter || character.isNumber {
                result.append(character)
            } else if result.last != "-", !result.isEmpty {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return String(result.prefix(60))
    }
}
