import Foundation

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
        read = try c.lenientBool(.read) ?? (folder != .inbox)
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

    public init(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            number = String(trimmed[trimmed.index(after: open)..<close])
            var namePart = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if namePart.hasPrefix("\""), namePart.hasSuffix("\""), namePart.count >= 2 {
                namePart = String(namePart.dropFirst().dropLast())
            }
            name = namePart.isEmpty ? nil : namePart
        } else {
            name = nil
            number = trimmed
        }
    }

    /// The Asterisk spelling, with quotes in the name escaped away.
    public var asteriskString: String {
        guard let name, !name.isEmpty else { return "<\(number)>" }
        return "\"\(name.replacingOccurrences(of: "\"", with: "'"))\" <\(number)>"
    }
}
