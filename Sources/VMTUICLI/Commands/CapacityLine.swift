import DisplayText
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// The line `list` prints before its table on a terminal: how full the user's own mailbox is,
/// where the backend knows its limit ("Mailbox 201: 37 of 100"). Nothing when it does not, or
/// when the summary cannot be had (the list itself matters more).
enum CapacityLine {
    static func own(_ backend: any VoicemailBackend) async -> String? {
        guard let capabilities = try? await backend.capabilities(), capabilities.has(.mailboxList),
            let boxes = try? await backend.mailboxes(ifNoneMatch: nil).value,
            let own = boxes.first(where: \.own)
        else { return nil }
        return line(own)
    }

    static func line(_ summary: MailboxSummary) -> String? {
        guard let gauge = CapacityGauge(summary) else { return nil }
        let note = gauge.level == .nearlyFull ? " (nearly full)" : ""
        return "Mailbox \(TerminalSafe.line(summary.mailbox, maxLength: 20)): \(gauge.sentence)\(note)"
    }
}
