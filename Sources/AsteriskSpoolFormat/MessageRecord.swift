import FoundationEssentials
import VoicemailModel

/// The contents of one `msgNNNN.txt`: Asterisk's keys plus vmtui's `subject`, `transcription`
/// and `format`, and whatever other keys the file had (kept as they were).
///
/// There is no read mark: as in Asterisk, a message is unread exactly when it sits in INBOX or
/// Urgent. The `read` key older pbx-sim versions wrote is dropped (a message outside INBOX and
/// Urgent is read, whatever it said), so a file never says something its folder contradicts.
///
/// Every text field is held in the form it has once written and read back, so a message is the
/// same before and after a restart.
package struct MessageRecord: Equatable, Sendable {
    package var id: String
    /// False when the file had no `msg_id` (written before Asterisk 11) and `id` was derived.
    package var idWasStored = true
    package var originalMailbox: String
    package var callerID: CallerID {
        get { storedCallerID }
        set { storedCallerID = CallerIDText.normalized(newValue) }
    }
    package var originTime: Date
    package var duration: Int
    package var urgent: Bool
    package var subject: String? {
        get { storedSubject }
        set { storedSubject = Self.normalizedText(newValue) }
    }
    package var transcription: String? {
        get { storedTranscription }
        set { storedTranscription = Self.normalizedText(newValue) }
    }
    package var format: AudioFormat
    /// Asterisk's routing keys, kept so the file looks like one Asterisk wrote.
    package var context = "default"
    package var macroContext = ""
    package var exten = ""
    package var rdnis = "unknown"
    package var priority = "1"
    package var callerChannel = ""
    package var category = ""
    /// The `origdate` text as the file had it (Asterisk's local rendering is kept verbatim).
    package var originDateText: String?
    /// Keys this program does not know, in file order.
    package var extra: [IniFile.Entry] = []

    private var storedCallerID: CallerID
    private var storedSubject: String?
    private var storedTranscription: String?

    /// `read` is known so that it is not kept among the extra keys: see the type's comment.
    package static let knownKeys: Set<String> = [
        "origmailbox", "context", "macrocontext", "exten", "rdnis", "priority", "callerchan", "callerid",
        "origdate", "origtime", "category", "msg_id", "flag", "duration", "read", "subject", "transcription", "format",
    ]

    package func ini() -> IniFile {
        var entries: [IniFile.Entry] = [
            .init(key: "origmailbox", value: originalMailbox),
            .init(key: "context", value: context),
            .init(key: "macrocontext", value: macroContext),
            .init(key: "exten", value: exten),
            .init(key: "rdnis", value: rdnis),
            .init(key: "priority", value: priority),
            .init(key: "callerchan", value: callerChannel),
            .init(key: "callerid", value: CallerIDText.render(callerID)),
            .init(key: "origdate", value: originDateText ?? AsteriskDate.format(originTime)),
            .init(key: "origtime", value: String(Int(originTime.timeIntervalSince1970))),
            .init(key: "category", value: category),
            .init(key: "msg_id", value: id),
            .init(key: "flag", value: urgent ? "Urgent" : ""),
            .init(key: "duration", value: String(duration)),
            .init(key: "subject", value: IniFile.escape(subject ?? "")),
            .init(key: "transcription", value: IniFile.escape(transcription ?? "")),
            .init(key: "format", value: format.rawValue),
        ]
        entries += extra
        return IniFile(section: "message", entries: entries)
    }

    package init(
        id: String, originalMailbox: String, callerID: CallerID, originTime: Date, duration: Int,
        urgent: Bool, subject: String?, transcription: String?, format: AudioFormat
    ) {
        self.id = id
        self.originalMailbox = originalMailbox
        storedCallerID = CallerIDText.normalized(callerID)
        // Whole seconds, as origtime keeps it.
        self.originTime = Date(timeIntervalSince1970: originTime.timeIntervalSince1970.rounded(.down))
        self.duration = duration
        self.urgent = urgent
        storedSubject = Self.normalizedText(subject)
        storedTranscription = Self.normalizedText(transcription)
        self.format = format
        exten = originalMailbox
        originDateText = AsteriskDate.format(self.originTime)
    }

    /// A record as a cache kept it: every field already in its stored form, so nothing is
    /// normalized or formatted again (a 10,000-message cache loads in milliseconds). Only what
    /// a listing shows is kept; the routing keys and `origdate` stay unset (a change re-reads
    /// the `.txt` itself and writes that).
    package init(
        cachedID id: String, idWasStored: Bool, originalMailbox: String, callerID: CallerID, originTime: Date,
        duration: Int, urgent: Bool, subject: String?, transcription: String?, format: AudioFormat, category: String
    ) {
        self.id = id
        self.idWasStored = idWasStored
        self.originalMailbox = originalMailbox
        storedCallerID = callerID
        self.originTime = originTime
        self.duration = duration
        self.urgent = urgent
        storedSubject = subject
        storedTranscription = transcription
        self.format = format
        self.category = category
    }

    /// nil when the text is not a message file at all (no `[message]` section).
    /// `derivedID` names a file without `msg_id`; `fallbackDate` dates one without `origtime`.
    package init?(ini: IniFile, fallbackFormat: AudioFormat, derivedID: @autoclosure () -> String, fallbackDate: Date) {
        guard ini.hasSection("message") else { return nil }
        if let stored = ini.value("msg_id"), MessageID.isValid(stored) {
            id = stored
        } else {
            id = derivedID()
            idWasStored = false
        }
        originalMailbox = CallerIDText.clean(ini.value("origmailbox") ?? "")
        storedCallerID = CallerIDText.parse(ini.value("callerid") ?? "")
        if let text = ini.value("origtime"), let seconds = Int64(text), abs(seconds) < 1 << 40 {
            originTime = Date(timeIntervalSince1970: TimeInterval(seconds))
        } else if let text = ini.value("origdate"), let date = AsteriskDate.parse(text) {
            originTime = date
        } else {
            originTime = Date(timeIntervalSince1970: fallbackDate.timeIntervalSince1970.rounded(.down))
        }
        // Asterisk's own rendering is kept as it was; a file without one gets ours.
        originDateText = ini.value("origdate") ?? AsteriskDate.format(originTime)
        let durationText = ini.value("duration") ?? ""
        duration = Int(durationText).map { min(max($0, 0), 1 << 31) } ?? 0
        urgent = ini.value("flag")?.lowercased().contains("urgent") ?? false
        storedSubject = Self.normalizedText(ini.value("subject").map(IniFile.unescape))
        storedTranscription = Self.normalizedText(ini.value("transcription").map(IniFile.unescape))
        format = ini.value("format").flatMap { AudioFormat(rawValue: $0.lowercased()) } ?? fallbackFormat
        context = ini.value("context") ?? "default"
        macroContext = ini.value("macrocontext") ?? ""
        exten = ini.value("exten") ?? ""
        rdnis = ini.value("rdnis") ?? "unknown"
        priority = ini.value("priority") ?? "1"
        callerChannel = ini.value("callerchan") ?? ""
        category = ini.value("category") ?? ""
        var seen = Set<String>()
        // An unknown key is kept unless writing it back would read as something else: a line
        // "[key=value]" is a section header.
        extra = (ini.sections.first { $0.name == "message" }?.entries ?? []).filter { entry in
            !Self.knownKeys.contains(entry.key) && !(entry.key.hasPrefix("[") && entry.value.hasSuffix("]"))
                && seen.insert(entry.key).inserted
        }
    }

    /// What a free text becomes once escaped, written on one line and read back: nil when empty.
    package static func normalizedText(_ text: String?) -> String? {
        guard let text else { return nil }
        let stored = IniFile.unescape(IniFile.escape(text).trimmingBlanks)
        return stored.isEmpty ? nil : stored
    }
}

/// Message ids: Asterisk's `<origtime>-<8 hex digits>` shape; only characters safe in a URL
/// path segment and in a comma-separated id list.
package enum MessageID {
    package static func make(at date: Date) -> String {
        let random = UInt32.random(in: 0...UInt32.max)
        return "\(Int(date.timeIntervalSince1970))-\(hex8(random))"
    }

    /// A stable id for a file without `msg_id`: its origtime and a hash of its bytes, so the
    /// same file gets the same id on every start (the store writes it into the file on the first
    /// change, as Asterisk 11+ does).
    package static func derived(origtime: String?, fileBytes: Data) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in fileBytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let seconds = origtime.flatMap { Int64($0) }.map { String(max($0, 0)) } ?? "0"
        return "\(seconds)-\(hex8(hash))"
    }

    package static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    package static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.first != "."
            && id.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == ".")
            }
    }
}
