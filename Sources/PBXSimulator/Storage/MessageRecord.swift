import Foundation
import VoicemailModel

/// The contents of one `msgNNNN.txt`: Asterisk's keys plus vmtui's `read`, `subject`,
/// `transcription` and `format`.
struct MessageRecord: Equatable, Sendable {
    var id: String
    var originalMailbox: String
    var callerID: CallerID
    var originTime: Date
    var duration: Int
    var urgent: Bool
    var read: Bool
    var subject: String?
    var transcription: String?
    var format: AudioFormat
    /// Asterisk's routing keys, kept so the file looks like one Asterisk wrote.
    var context = "default"
    var macroContext = ""
    var exten = ""
    var rdnis = "unknown"
    var priority = "1"
    var callerChannel = ""
    var category = ""

    func ini() -> IniFile {
        IniFile(section: "message", entries: [
            ("origmailbox", originalMailbox),
            ("context", context),
            ("macrocontext", macroContext),
            ("exten", exten),
            ("rdnis", rdnis),
            ("priority", priority),
            ("callerchan", callerChannel),
            ("callerid", callerID.asteriskString),
            ("origdate", Self.originDateFormatter(originTime)),
            ("origtime", String(Int(originTime.timeIntervalSince1970))),
            ("category", category),
            ("msg_id", id),
            ("flag", urgent ? "Urgent" : ""),
            ("duration", String(duration)),
            ("read", read ? "yes" : "no"),
            ("subject", subject ?? ""),
            ("transcription", transcription ?? ""),
            ("format", format.rawValue),
        ])
    }

    init(
        id: String, originalMailbox: String, callerID: CallerID, originTime: Date, duration: Int,
        urgent: Bool, read: Bool, subject: String?, transcription: String?, format: AudioFormat
    ) {
        self.id = id
        self.originalMailbox = originalMailbox
        self.callerID = callerID
        self.originTime = originTime
        self.duration = duration
        self.urgent = urgent
        self.read = read
        self.subject = subject
        self.transcription = transcription
        self.format = format
        exten = originalMailbox
    }

    /// nil when the file lacks what makes it a message (a msg_id and an origtime).
    init?(ini: IniFile, fallbackFormat: AudioFormat) {
        guard let id = ini.value("msg_id"), MessageID.isValid(id),
            let timeText = ini.value("origtime"), let seconds = Double(timeText)
        else { return nil }
        self.id = id
        originalMailbox = ini.value("origmailbox") ?? ""
        callerID = CallerID(parsing: ini.value("callerid") ?? "")
        originTime = Date(timeIntervalSince1970: seconds)
        duration = Int(ini.value("duration") ?? "") ?? 0
        urgent = ini.value("flag")?.lowercased().contains("urgent") ?? false
        let readText = ini.value("read")?.lowercased() ?? ""
        read = ["yes", "1", "true"].contains(readText)
        subject = ini.value("subject").flatMap { $0.isEmpty ? nil : $0 }
        transcription = ini.value("transcription").flatMap { $0.isEmpty ? nil : $0 }
        format = ini.value("format").flatMap { AudioFormat(rawValue: $0.lowercased()) } ?? fallbackFormat
        context = ini.value("context") ?? "default"
        macroContext = ini.value("macrocontext") ?? ""
        exten = ini.value("exten") ?? ""
        rdnis = ini.value("rdnis") ?? "unknown"
        priority = ini.value("priority") ?? "1"
        callerChannel = ini.value("callerchan") ?? ""
        category = ini.value("category") ?? ""
    }

    /// Asterisk's human-readable origdate, e.g. "Thu Nov 27 08:15:00 AM UTC 2026".
    static func originDateFormatter(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM dd hh:mm:ss a zzz yyyy"
        return formatter.string(from: date)
    }
}

/// Message ids: Asterisk's `<origtime>-<counter>` shape; only characters safe in a URL path
/// segment and in a comma-separated id list.
enum MessageID {
    static func make(at date: Date) -> String {
        let random = UInt32.random(in: 0...UInt32.max)
        return "\(Int(date.timeIntervalSince1970))-\(String(format: "%08x", random))"
    }

    static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count)
            && id.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            }
    }
}
