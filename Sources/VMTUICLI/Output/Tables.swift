import AppCore
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VMTUIRuntime
import VoicemailClient
import VoicemailModel

/// The human-readable renderings of the read commands. Every server string is sanitised.
public enum Tables {
    /// Flags column: N unread, ! urgent.
    public static func messages(_ messages: [VoicemailMessage], timeZone: any ZoneRules = SystemZone()) -> String {
        guard !messages.isEmpty else { return "No messages." }
        var table = TextTable(headers: ["", "DATE", "FROM", "DUR", "FOLDER", "LABEL", "ID"], rightAligned: [3])
        for message in messages {
            let flags = (message.read ? " " : "N") + (message.urgent ? "!" : " ")
            table.add([
                flags, Format.date(message.date, timeZone: timeZone), Format.caller(message),
                DurationText.clock(message.duration), message.folder.displayName,
                message.isForwarded ? "Fwd" : "", TerminalSafe.line(message.id, maxLength: 64),
            ])
        }
        return table.render()
    }

    public static func messageDetail(_ message: VoicemailMessage, timeZone: any ZoneRules = SystemZone()) -> String {
        var lines: [(String, String)] = [
            ("ID", TerminalSafe.line(message.id, maxLength: 64)),
            ("Mailbox", TerminalSafe.line(message.mailbox, maxLength: 20)),
            ("Folder", message.folder.displayName),
            ("From", Format.caller(message, nameLimit: Int.max)),
            ("Date", Format.date(message.date, timeZone: timeZone)),
            ("Duration", DurationText.clock(message.duration)),
            ("Status", [message.read ? "read" : "unread", message.urgent ? "urgent" : nil].compactMap { $0 }.joined(separator: ", ")),
            ("Audio", "\(message.format.rawValue.uppercased()), \(SizeText.bytes(message.size))"),
        ]
        if let subject = message.subject { lines.append(("Label", TerminalSafe.line(subject, maxLength: 200))) }
        var table = TextTable(headers: ["", ""])
        table.rows = lines.map { ["\($0.0):", $0.1] }
        var text = table.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        if let transcription = message.transcription {
            text += "\n\nTranscription:\n" + TerminalSafe.text(transcription)
        }
        return text
    }

    public static func mailboxes(_ mailboxes: [MailboxSummary]) -> String {
        guard !mailboxes.isEmpty else { return "No mailboxes." }
        var table = TextTable(
            headers: ["MAILBOX", "NAME", "NEW", "OLD", "UNREAD", "TOTAL", "CAPACITY", "", "PIN", ""], rightAligned: [2, 3, 4, 5, 6])
        for box in mailboxes {
            let gauge = CapacityGauge(box)
            let note: String = switch gauge?.level {
            case .full: "FULL"
            case .nearlyFull: "nearly full"
            default: ""
            }
            table.add([
                TerminalSafe.line(box.mailbox, maxLength: 20), TerminalSafe.line(box.name, maxLength: 60), "\(box.newCount)",
                "\(box.oldCount)", "\(box.unread)", "\(box.total)", gauge?.text ?? "", note, box.pinRequired ? "yes" : "",
                box.own ? "(own)" : "",
            ])
        }
        return table.render()
    }

    public static func greetings(_ greetings: [GreetingInfo], timeZone: any ZoneRules = SystemZone()) -> String {
        var table = TextTable(headers: ["TYPE", "STATE", "DUR", "FORMAT", "SIZE", "UPDATED"], rightAligned: [2])
        for greeting in greetings {
            table.add([
                greeting.type.rawValue, state(greeting),
                greeting.duration.map(DurationText.clock) ?? "", greeting.format?.rawValue.uppercased() ?? "",
                greeting.size.map { SizeText.bytes($0) } ?? "", greeting.updated.map { Format.date($0, timeZone: timeZone) } ?? "",
            ])
        }
        guard greetings.contains(where: { $0.type == .temporary && $0.present }) else { return table.render() }
        return table.render() + "\nThe temporary greeting is in use: callers hear it instead of unavailable and busy until it is reset."
    }

    /// An absent temporary greeting overrides nothing: it is "not in use", not a default.
    private static func state(_ greeting: GreetingInfo) -> String {
        switch (greeting.type, greeting.present) {
        case (.temporary, true): "in use"
        case (.temporary, false): "not in use"
        case (_, true): "recorded"
        case (_, false): "PBX default"
        }
    }
}
