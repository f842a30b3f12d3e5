import FoundationEssentials
import SystemBasics

/// One voicemail as the API describes it (see docs/api.md, "Message").
public struct VoicemailMessage: Codable, Sendable, Equatable, Hashable, Identifiable {
    /// Stable identity (Asterisk's msg_id); survives renumbering of msgNNNN files.
    public var id: String
    public var mailbox: String
    public var folder: Folder
    public var read: Bool
    public var urgent: Bool
    public var callerName: String?
    public var callerNumber: String
    public var date: Date
    /// Seconds.
    public var duration: Int
    public var format: AudioFormat
    /// Bytes of audio.
    public var size: Int
    /// A label such as "Fwd: Alice Martin"; nil for ordinary messages.
    public var subject: String?
    public var transcription: String?

    public init(
        id: String, mailbox: String, folder: Folder, read: Bool = false, urgent: Bool = false,
        callerName: String? = nil, callerNumber: String, date: Date, duration: Int,
        format: AudioFormat = .wav, size: Int = 0, subject: String? = nil,
        transcription: String? = nil
    ) {
        self.id = id
        self.mailbox = mailbox
        self.folder = folder
        self.read = read
        self.urgent = urgent
        self.callerName = callerName
        self.callerNumber = callerNumber
        self.date = date
        self.duration = duration
        self.format = format
        self.size = size
        self.subject = subject
        self.transcription = transcription
    }

    /// True when the message is a forwarded copy ("Fwd:" label).
    public var isForwarded: Bool {
        subject?.lowercased().hasPrefix("fwd:") ?? false
    }

    enum CodingKeys: String, CodingKey {
        case id, mailbox, folder, read, urgent, callerName, callerNumber, date, duration
        case format, size, subject, transcription
        // Alternative spellings some servers use.
        case msgId = "msg_id", callerid, callerId, from, origtime, label, flag, `extension`
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard let id = try c.lenientString(.id) ?? c.lenientString(.msgId) else {
            throw DecodingError.keyNotFound(
                CodingKeys.id, .init(codingPath: c.codingPath, debugDescription: "message without id"))
        }
        self.id = id
        mailbox = try c.lenientString(.mailbox) ?? c.lenientString(.extension) ?? ""
        folder = try c.decodeIfPresent(Folder.self, forKey: .folder) ?? .inbox
        // Without a read field, the folder says it, as in Asterisk: unread in INBOX and Urgent.
        read = try c.lenientBool(.read) ?? !folder.holdsUnread
        let flag = try c.lenientString(.flag)
        urgent = try c.lenientBool(.urgent) ?? (flag?.lowercased() == "urgent")
        var name = try c.lenientString(.callerName)
        var number = try c.lenientString(.callerNumber)
        if number == nil, let callerID = try c.lenientString(.callerid) ?? c.lenientString(.callerId)
            ?? c.lenientString(.from)
        {
            let parsed = CallerID(parsing: callerID)
            name = name ?? parsed.name
            number = parsed.number
        }
        callerName = (name?.isEmpty ?? true) ? nil : name
        callerNumber = number ?? ""
        guard let date = try c.lenientDate(.date) ?? c.lenientDate(.origtime) else {
            throw DecodingError.keyNotFound(
                CodingKeys.date, .init(codingPath: c.codingPath, debugDescription: "message without date"))
        }
        self.date = date
        duration = max(0, try c.lenientInt(.duration) ?? 0)
        format = try c.decodeIfPresent(AudioFormat.self, forKey: .format) ?? .wav
        size = max(0, try c.lenientInt(.size) ?? 0)
        let subject = try c.lenientString(.subject) ?? c.lenientString(.label)
        self.subject = (subject?.isEmpty ?? true) ? nil : subject
        let transcription = try c.lenientString(.transcription)
        self.transcription = (transcription?.isEmpty ?? true) ? nil : transcription
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(mailbox, forKey: .mailbox)
        try c.encode(folder, forKey: .folder)
        try c.encode(read, forKey: .read)
        try c.encode(urgent, forKey: .urgent)
        try c.encodeIfPresent(callerName, forKey: .callerName)
        try c.encode(callerNumber, forKey: .callerNumber)
        try c.encode(ISO8601.format(date), forKey: .date)
        try c.encode(duration, forKey: .duration)
        try c.encode(format, forKey: .format)
        try c.encode(size, forKey: .size)
        try c.encodeIfPresent(subject, forKey: .subject)
        try c.encodeIfPresent(transcription, forKey: .transcription)
    }
}

/// Asterisk's caller id string: `"Name" <number>`, `Name <number>` or a bare number.
public struct CallerID: Sendable, Equatable {
    public var name: String?
    public var number: String

    public init(name: String?, number: String) {
        self.name = name
        self.number = number
    }

    /// Asterisk's `callerid` text, read as `ast_callerid_parse` reads it: `"Name" <number>`
    /// (quotes and backslash escapes in the name undone), `Name <number>`, `<number>`, or a
    /// bare value, which is a number only when it looks like one (digits, `+`, `*`, `#` once
    /// spaces, `-`, `.`, `(` and `)` are dropped; that shorter form is the number) and a name
    /// otherwise (`anonymous`). `Unknown` is no caller id: no name, an empty number.
    public init(parsing text: String) {
        let trimmed = text.trimmingSpaces()
        if ["", "unknown", "<unknown>"].contains(trimmed.lowercased()) {
            self.init(name: nil, number: "")
        } else if let open = Self.openingBracket(in: trimmed), let close = trimmed.lastIndex(of: ">"), open < close {
            let name = Self.unquoted(trimmed[..<open].trimmingSpaces())
            self.init(
                name: name.isEmpty ? nil : name,
                number: trimmed[trimmed.index(after: open)..<close].trimmingSpaces())
        } else if !Self.isQuoted(trimmed), let number = Self.phoneNumber(trimmed) {
            self.init(name: nil, number: number)
        } else {
            self.init(name: Self.unquoted(trimmed), number: "")
        }
    }

    /// The last `<` outside the quoted name (a name may itself hold `<…>`).
    private static func openingBracket(in text: String) -> String.Index? {
        var inQuotes = false
        var escaping = false
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if escaping {
                escaping = false
            } else if character == "\\" && inQuotes {
                escaping = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if character == "<" && !inQuotes {
                found = index
            }
            index = text.index(after: index)
        }
        return found
    }

    /// A bare value's number, or nil when Asterisk takes it for a name.
    static func phoneNumber(_ text: String) -> String? {
        let shrunk = text.unicodeScalars.filter { !" -.()".unicodeScalars.contains($0) }
        guard !shrunk.isEmpty, shrunk.allSatisfy({ "0123456789+*#".unicodeScalars.contains($0) }) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: shrunk)
        return String(view)
    }

    private static func isQuoted(_ text: String) -> Bool {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"")
    }

    /// Surrounding quotes dropped and `\x` read as `x`, as Asterisk escapes a quoted name.
    private static func unquoted(_ text: String) -> String {
        guard isQuoted(text) else { return text }
        var out = ""
        var escaping = false
        for character in text.dropFirst().dropLast() {
            if escaping || character != "\\" {
                out.append(character)
                escaping = false
            } else {
                escaping = true
            }
        }
        if escaping { out.append("\\") }
        return out.trimmingSpaces()
    }

    /// The Asterisk spelling, with quotes in the name escaped away.
    public var asteriskString: String {
        guard let name, !name.isEmpty else { return "<\(number)>" }
        return "\"\(name.replacingEvery("\"", with: "'"))\" <\(number)>"
    }
}
