import TOMLReader

/// Every TOML text vmtui reads (config files, themes) goes through here: TOMLReader's
/// result, or one line with the line number, as config and theme errors want it.
public enum SafeTOML {
    public struct ParseError: Error, Sendable, Equatable {
        /// 1-based, when known.
        public var line: Int?
        /// One line, without the offending text's control characters.
        public var reason: String
    }

    public static func parse(_ text: String) throws(ParseError) -> TOMLTable {
        do {
            return try TOMLReader.parse(text)
        } catch {
            throw ParseError(line: error.line, reason: error.reason)
        }
    }
}
