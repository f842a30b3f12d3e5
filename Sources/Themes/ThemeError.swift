/// A theme file that could not be used, with the file and line to fix.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem has no single line (an empty file, a missing theme).
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "theme \(file), line \(line): \(message)" }
        return "theme \(file): \(message)"
    }
}
