import VoicemailModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One row of index.csv and one object of index.json.
public struct ExportEntry: Sendable, Equatable {
    public var id: String
    public var mailbox: String
    public var folder: String
    /// ISO 8601 with the local offset.
    public var date: String
    public var callerName: String?
    public var callerNumber: String
    /// Seconds.
    public var duration: Int
    public var transcription: String?
    /// The audio's name inside the export folder.
    public var file: String

    public init(_ message: VoicemailMessage, file: String) {
        id = message.id
        mailbox = message.mailbox
        folder = message.folder.rawValue
        date = LocalStamp(message.date).iso8601
        callerName = message.callerName
        callerNumber = message.callerNumber
        duration = message.duration
        transcription = message.transcription
        self.file = file
    }

    /// One JSON object on one line, keys in a fixed order (a diff of two exports stays readable).
    var jsonObject: String {
        func text(_ value: String?) -> String { value.map(JSONText.quoted) ?? "null" }
        let pairs: [(String, String)] = [
            ("id", text(id)), ("mailbox", text(mailbox)), ("folder", text(folder)), ("date", text(date)),
            ("callerName", text(callerName)), ("callerNumber", text(callerNumber)), ("duration", String(duration)),
            ("transcription", text(transcription)), ("file", text(file)),
        ]
        return "{" + pairs.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    static let csvHeader = ["id", "mailbox", "folder", "date", "caller_name", "caller_number", "duration", "transcription", "file"]

    var csvFields: [String] {
        [id, mailbox, folder, date, callerName ?? "", callerNumber, String(duration), transcription ?? "", file]
    }
}

/// JSON string literals (RFC 8259): quotes, backslashes and control characters escaped.
enum JSONText {
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// RFC 4180 lines (CRLF, quotes doubled) with a guard against formula injection: a cell a
/// spreadsheet would run (= + - @, or a tab or CR first) starts with an apostrophe instead.
public enum CSV {
    public static func line(_ fields: [String]) -> String {
        fields.map(cell).joined(separator: ",") + "\r\n"
    }

    public static func cell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

/// index.csv and index.json written as entries arrive (never all held), under hidden
/// temporary names renamed into place by `finish`.
final class ExportIndexWriter {
    private let directory: String
    private var csv: UnsafeMutablePointer<FILE>?
    private var json: UnsafeMutablePointer<FILE>?
    private var first = true

    static let csvName = "index.csv"
    static let jsonName = "index.json"
    static func temporary(_ name: String) -> String { ".\(name).partial" }

    init(directory: String) throws(ExportFailure) {
        self.directory = directory
        csv = fopen(directory + "/" + Self.temporary(Self.csvName), "w")
        json = fopen(directory + "/" + Self.temporary(Self.jsonName), "w")
        guard csv != nil, json != nil else {
            let reason = String(cString: strerror(errno)).lowercased()
            discard()
            throw .cannotWrite(path: directory, reason: reason)
        }
        fputs(CSV.line(ExportEntry.csvHeader), csv)
        fputs("[\n", json)
    }

    func append(_ entry: ExportEntry) throws(ExportFailure) {
        guard let csv, let json else { return }
        fputs(CSV.line(entry.csvFields), csv)
        if !first { fputs(",\n", json) }
        first = false
        fputs("  " + entry.jsonObject, json)
        if ferror(csv) != 0 || ferror(json) != 0 {
            throw .cannotWrite(path: directory + "/" + Self.csvName, reason: String(cString: strerror(errno)).lowercased())
        }
    }

    /// Closes both and renames them into place.
    func finish() throws(ExportFailure) {
        guard let csv, let json else { return }
        fputs(first ? "]\n" : "\n]\n", json)
        let closed = fclose(csv) == 0 && fclose(json) == 0
        self.csv = nil
        self.json = nil
        guard closed else {
            let reason = String(cString: strerror(errno)).lowercased()
            discard()
            throw .cannotWrite(path: directory, reason: reason)
        }
        for name in [Self.csvName, Self.jsonName] {
            guard rename(directory + "/" + Self.temporary(name), directory + "/" + name) == 0 else {
                let reason = String(cString: strerror(errno)).lowercased()
                discard()
                throw .cannotWrite(path: directory + "/" + name, reason: reason)
            }
        }
    }

    /// Closes and removes the temporaries (an interrupted or failed export).
    func discard() {
        if let csv { fclose(csv) }
        if let json { fclose(json) }
        csv = nil
        json = nil
        for name in [Self.csvName, Self.jsonName] { unlink(directory + "/" + Self.temporary(name)) }
    }

    deinit { discard() }
}
