import VoicemailBackend

/// The overview's key in the mailbox; inside it, its own fixed keys (`OverlayKeys.overview`).
enum OverviewBindings {
    static let all: [Binding] = [
        Binding(.overview, keys: [.character("O")], help: "Overview of all mailboxes", needs: .mailboxList, perform: App.openOverview),
    ]
}
