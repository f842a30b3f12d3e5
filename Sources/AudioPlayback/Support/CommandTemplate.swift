import FoundationEssentials
import SystemBasics

/// A player or recorder command such as `mpv --no-video --really-quiet {file}`, split like a
/// shell word list (quotes and backslashes) but never run through a shell, so a file name
/// can never become code.
public struct CommandTemplate: Sendable, Equatable, CustomStringConvertible {
    public static let filePlaceholder = "{file}"

    public var words: [String]

    public init(words: [String]) {
        self.words = words
    }

    /// Parses `text`; throws a one-line error for an unterminated quote or an empty command.
    public init(parsing text: String) throws {
        words = try Self.split(text)
        guard !words.isEmpty else { throw AudioError.badTemplate("the command is empty") }
    }

    public var executable: String { words.first ?? "" }

    /// The executable's file name, lower-cased: how vmtui recognises a known player.
    public var programName: String {
        Self.lastPathComponent(executable).lowercased()
    }

    /// NSString's `lastPathComponent`: "mpv" for "/usr/bin/mpv" and "bin/mpv/", "/" for "/"
    /// (and "" for "//", as NSString had it).
    static func lastPathComponent(_ path: String) -> String {
        if let last = path.split(separator: "/").last { return String(last) }
        return path == "/" ? "/" : ""
    }

    public var containsFilePlaceholder: Bool {
        words.contains { $0.contains(Self.filePlaceholder) }
    }

    /// The argument vector with `{file}` replaced (as a part of one word, never split);
    /// when the template has no `{file}`, the file is appended as the last argument.
    public func arguments(file: String) -> [String] {
        guard containsFilePlaceholder else { return words + [file] }
        return words.map { $0.replacingEvery(Self.filePlaceholder, with: file) }
    }

    public var description: String {
        words.map(Self.quoteForDisplay).joined(separator: " ")
    }

    static func quoteForDisplay(_ word: String) -> String {
        let plain = { (scalar: Unicode.Scalar) in PlainText.isAlphanumeric(scalar) || "-_./=:{},+@%".unicodeScalars.contains(scalar) }
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain) { return word }
        return "'" + word.replacingEvery("'", with: "'\\''") + "'"
    }

    private static func split(_ text: String) throws -> [String] {
        enum Quote { case none, single, double }
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote = Quote.none
        var escaped = false
        for ch in text {
            if escaped {
                current.append(ch)
                escaped = false
                inWord = true
                continue
            }
            switch quote {
            case .single:
                if ch == "'" { quote = .none } else { current.append(ch) }
            case .double:
                if ch == "\"" {
                    quote = .none
                } else if ch == "\\" {
                    escaped = true
                } else {
                    current.append(ch)
                }
            case .none:
                if ch == "'" {
                    quote = .single
                    inWord = true
                } else if ch == "\"" {
                    quote = .double
                    inWord = true
                } else if ch == "\\" {
                    escaped = true
                } else if ch.isWhitespace {
                    if inWord { words.append(current) }
                    current = ""
                    inWord = false
                } else {
                    current.append(ch)
                    inWord = true
                }
            }
        }
        if quote != .none { throw AudioError.badTemplate("a quote is not closed in \"\(text)\"") }
        if escaped { throw AudioError.badTemplate("the command ends with a lone backslash") }
        if inWord { words.append(current) }
        return words
    }
}
