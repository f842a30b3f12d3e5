import VoicemailModel

/// Who left a message, as the screen and the command line name them: both parts made
/// terminal-safe, a name that only repeats the number dropped, "Unknown caller" when neither
/// is known.
public struct CallerText: Sendable, Equatable {
    public static let unknown = "Unknown caller"

    /// Empty when there is none, or when it was the number again.
    public let name: String
    public let number: String

    /// The limits bound what a table row can be made to hold; left out, nothing is cut.
    public init(name: String?, number: String, nameLimit: Int = .max, numberLimit: Int = .max) {
        let number = TerminalSafe.line(number)
        let name = TerminalSafe.line(name ?? "")
        self.name = name == number ? "" : TerminalSafe.line(name, maxLength: nameLimit)
        self.number = TerminalSafe.line(number, maxLength: numberLimit)
    }

    public init(_ message: VoicemailMessage, nameLimit: Int = .max, numberLimit: Int = .max) {
        self.init(name: message.callerName, number: message.callerNumber, nameLimit: nameLimit, numberLimit: numberLimit)
    }

    public var isUnknown: Bool { name.isEmpty && number.isEmpty }

    /// "Bob Nguyen <102>", the name or the number alone, or "Unknown caller".
    public var full: String { joined(by: { "\($0) <\($1)>" }) }

    /// "Bob Nguyen  102": name and number as two columns of a list row.
    public var columns: String { joined(by: { "\($0)  \($1)" }) }

    private func joined(by both: (String, String) -> String) -> String {
        if name.isEmpty { return number.isEmpty ? Self.unknown : number }
        return number.isEmpty ? name : both(name, number)
    }
}
