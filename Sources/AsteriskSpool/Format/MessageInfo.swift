import Foundation

/// The `[message]` section of a `msgNNNN.txt` file, as app_voicemail writes it: one
/// `key=value` per line, values verbatim (Asterisk escapes nothing in them), comment lines
/// starting with `;`. Unknown keys are kept so that nothing an Asterisk version adds is lost.
public struct MessageInfo: Sendable, Equatable {
    /// Keys in file order; a key written twice keeps its last value (as Asterisk's config reader).
    public private(set) var entries: [(key: String, value: String)]

    public init(entries: [(key: String, value: String)] = []) {
        self.entries = []
        for (key, value) in entries { self[key] = value }
    }

    public static func == (lhs: MessageInfo, rhs: MessageInfo) -> Bool {
        lhs.entries.elementsEqual(rhs.entries) { $0.key == $1.key && $0.value == $1.value }
    }

    public subscript(key: String) -> String? {
        get { entries.last { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Reads the `[message]` section; lines outside it and malformed lines are ignored.
    /// Accepts CRLF endings and `key => value` (Asterisk's config syntax allows both).
    public init(parsing text: String) {
        var collected: [(String, String)] = []
        var inMessage = false
        var sawSection = false
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { continue }
                let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                inMessage = name.lowercased() == "message"
                sawSection = true
                continue
            }
            // A file with no section header at all is read as if it had one.
            guard inMessage || !sawSection, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var valueStart = line.index(after: equals)
            if valueStart < line.endIndex, line[valueStart] == ">" { valueStart = line.index(after: valueStart) }
            guard !key.isEmpty else { continue }
            collected.append((key, line[valueStart...].trimmingCharacters(in: .whitespaces)))
        }
        self.init(entries: collected)
    }

    /// The text app_voicemail writes: its comment header, then `[message]` and the keys.
    public func render() -> String {
        var out = ";\n; Message Information file\n;\n[message]\n"
        for (key, value) in entries {
            // A value is one line; a line break would forge keys.
            let safe = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            out += "\(key)=\(safe)\n"
        }
        return out
    }

    // Typed views of the fields vmtui reads.

    public var msgID: String? { nonEmpty("msg_id") }
    public var origMailbox: String? { nonEmpty("origmailbox") }
    public var callerID: AsteriskCallerID { AsteriskCallerID(parsing: self["callerid"] ?? "") }
    public var origTime: Date? { nonEmpty("origtime").flatMap(Int.init).map { Date(timeIntervalSince1970: Double($0)) } }
    public var origDate: Date? { nonEmpty("origdate").flatMap(OrigDate.parse) }
    public var duration: Int? { nonEmpty("duration").flatMap(Int.init) }
    public var category: String? { nonEmpty("category") }
    public var isUrgent: Bool { self["flag"]?.trimmingCharacters(in: .whitespaces).lowercased() == "urgent" }

    private func nonEmpty(_ key: String) -> String? {
        guard let value = self[key]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// The fields of a fresh deposit, in app_voicemail's order (tests and tools build spools with it).
    public static func deposit(
        mailbox: String, context: String = "default", callerID: AsteriskCallerID, time: Date,
        duration: Int, msgID: String?, urgent: Bool = false, category: String = "",
        callerChannel: String = "SIP/trunk-00000001", exten: String? = nil
    ) -> MessageInfo {
        var entries: [(String, String)] = [
            ("origmailbox", mailbox), ("context", context), ("macrocontext", ""), ("exten", exten ?? mailbox),
            ("rdnis", "unknown"), ("priority", "2"), ("callerchan", callerChannel),
            ("callerid", callerID.asteriskString), ("origdate", OrigDate.format(time)),
            ("origtime", String(Int(time.timeIntervalSince1970))), ("category", category),
        ]
        if let msgID { entries.append(("msg_id", msgID)) }
        entries.append(("flag", urgent ? "Urgent" : ""))
        entries.append(("duration", String(duration)))
        return MessageInfo(entries: entries)
    }
}
