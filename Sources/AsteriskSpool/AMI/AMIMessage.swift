import AsteriskSpoolFormat

/// One AMI packet: `Key: Value` lines ended by a blank line. Keys compare without case, as
/// Asterisk reads them; order and repeated keys are kept.
public struct AMIMessage: Sendable, Equatable {
    public var fields: [(key: String, value: String)]

    public init(_ fields: [(key: String, value: String)]) {
        self.fields = fields
    }

    public static func == (lhs: AMIMessage, rhs: AMIMessage) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.key == $1.key && $0.value == $1.value }
    }

    public subscript(key: String) -> String? {
        fields.first { $0.key.lowercased() == key.lowercased() }?.value
    }

    public var response: String? { self["Response"] }
    public var event: String? { self["Event"] }
    public var message: String? { self["Message"] }

    /// The wire form. A value cannot carry a line break (it would start a new field).
    public func encoded() -> String {
        fields.map { "\($0.key): \(Self.oneLine($0.value))\r\n" }.joined() + "\r\n"
    }

    static func oneLine(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }

    /// Reads the lines of one packet (line endings already removed). A line without ": " is
    /// kept whole under an empty key (Asterisk's command output does that).
    public init(lines: [String]) {
        fields = lines.map { line in
            guard let colon = line.firstIndex(of: ":") else { return ("", line) }
            let key = line[..<colon].trimmingBlanks
            let value = line[line.index(after: colon)...].trimmingBlanks
            return (key, value)
        }
    }
}
