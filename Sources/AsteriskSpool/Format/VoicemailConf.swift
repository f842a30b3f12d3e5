import AsteriskSpoolFormat
import FoundationEssentials
import Glibc

/// What vmtui reads from `voicemail.conf`: the mailboxes of each context (`ext => pin,Full
/// Name,email,pager,options`) and `format=` of `[general]`. PINs are never kept.
public struct VoicemailConf: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var mailbox: String
        public var fullName: String?
        public var email: String?
        /// The mailbox's own `maxmsg=` option (`ext => pin,name,email,pager,maxmsg=50|…`).
        public var maxMessages: Int? = nil
    }

    /// Context name → its mailboxes in file order.
    public var contexts: [String: [Entry]]
    /// `format=wav49|gsm|wav` split; app_voicemail's default when absent.
    public var formats: [String]
    /// `maxmsg=` of `[general]`, when set.
    public var generalMaxMessages: Int?

    public static let defaultFormats = ["wav"]
    /// app_voicemail's per-folder message limit when voicemail.conf sets none.
    public static let defaultMaxMessages = 100
    /// Sections of voicemail.conf that are not contexts.
    static let reservedSections: Set<String> = ["general", "zonemessages"]

    public init(contexts: [String: [Entry]] = [:], formats: [String] = VoicemailConf.defaultFormats) {
        self.contexts = contexts
        self.formats = formats
    }

    public func entry(_ mailbox: String, context: String) -> Entry? {
        contexts[context]?.first { $0.mailbox == mailbox }
    }

    /// How many messages one folder of the mailbox may hold: its own option, else `[general]`,
    /// else Asterisk's 100. A caller is refused when INBOX holds this many.
    public func maxMessages(_ mailbox: String, context: String) -> Int {
        entry(mailbox, context: context)?.maxMessages ?? generalMaxMessages ?? Self.defaultMaxMessages
    }

    public static func load(_ url: URL) throws -> VoicemailConf {
        VoicemailConf(parsing: try String(contentsOf: url, encoding: .utf8))
    }

    public init(parsing text: String) {
        var contexts: [String: [Entry]] = [:]
        var formats = Self.defaultFormats
        var generalMax: Int?
        var section: String?
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = String(raw)
            // ";" starts a comment unless escaped ("\;").
            if let comment = Self.commentStart(line) { line = String(line[..<comment]) }
            line = line.trimmingBlanks
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { continue }
                section = line[line.index(after: line.startIndex)..<close].trimmingBlanks
                continue
            }
            guard let section, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingBlanks
            var valueStart = line.index(after: equals)
            if valueStart < line.endIndex, line[valueStart] == ">" { valueStart = line.index(after: valueStart) }
            let value = line[valueStart...].trimmingBlanks.replacing("\\;", with: ";")
            if section.lowercased() == "general" {
                if key.lowercased() == "format" {
                    let list = value.split(separator: "|").map { $0.trimmingBlanks }.filter { !$0.isEmpty }
                    if !list.isEmpty { formats = list }
                } else if key.lowercased() == "maxmsg" {
                    generalMax = Self.limit(value)
                }
                continue
            }
            guard !Self.reservedSections.contains(section.lowercased()), SpoolLayout.isSafeName(key) else { continue }
            // pin,Full Name,email,pager,options — the PIN is skipped, never stored.
            let fields = value.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingBlanks
            }
            let name = fields.count > 1 && !fields[1].isEmpty ? fields[1] : nil
            let email = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            let maxMessages = fields.count > 4 ? Self.optionLimit(fields[4...].joined(separator: ",")) : nil
            contexts[section, default: []].append(Entry(mailbox: key, fullName: name, email: email, maxMessages: maxMessages))
        }
        self.init(contexts: contexts, formats: formats)
        generalMaxMessages = generalMax
    }

    /// A positive count, clamped to Asterisk's 9999 per folder.
    static func limit(_ text: String) -> Int? {
        guard let value = Int(text.trimmingBlanks), value > 0 else { return nil }
        return min(value, 9999)
    }

    /// `maxmsg` among a mailbox's `|`-separated options.
    static func optionLimit(_ options: String) -> Int? {
        for option in options.split(separator: "|") {
            let pair = option.split(separator: "=", maxSplits: 1).map { $0.trimmingBlanks }
            if pair.count == 2, pair[0].lowercased() == "maxmsg" { return limit(pair[1]) }
        }
        return nil
    }

    private static func commentStart(_ line: String) -> String.Index? {
        var previous: Character = " "
        for index in line.indices {
            if line[index] == ";" && previous != "\\" { return index }
            previous = line[index]
        }
        return nil
    }

    /// The audio forms a format list names (`wav49` is the GSM-in-WAV `.WAV`).
    public var audioForms: [AudioForm] {
        var forms: [AudioForm] = []
        for format in formats {
            let form: AudioForm? = switch format.lowercased() {
            case "wav49": .wav49
            case "wav": .wav
            case "gsm": .gsm
            case "mp3": .mp3
            case "ulaw", "pcm": .ulaw
            case "alaw": .alaw
            case "sln", "slin", "raw": .sln
            default: nil
            }
            if let form, !forms.contains(form) { forms.append(form) }
        }
        return forms.isEmpty ? [.wav] : forms
    }
}
