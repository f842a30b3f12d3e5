import VoicemailBackend

/// The support desk's overview (`O`): every mailbox the user may open, the ones needing
/// attention first. Replaces the panes while open, like the greetings screen.
public struct OverviewScreen: Equatable, Sendable {
    /// Nil until the first load answers.
    public var rows: [MailboxOverviewRow]?
    public var selection = 0
    public var scroll = 0

    public init(rows: [MailboxOverviewRow]? = nil) { self.rows = rows }

    public var selected: MailboxOverviewRow? {
        guard let rows, rows.indices.contains(selection) else { return nil }
        return rows[selection]
    }
}
