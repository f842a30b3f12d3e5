import AppCore
import VoicemailBackend
import VoicemailClient

/// The overview's load: `MailboxOverview` (summaries, then a bounded number of small requests
/// side by side), its progress posted to the loop as it goes.
extension ClientEffectRunner {
    func run(_ effect: OverviewEffect) async -> OverviewEvent {
        switch effect {
        case .load(let id):
            let outbox = outbox
            return .loaded(id, await attempt("overview") {
                try await MailboxOverview.load(client) { done, total in
                    // About fifty steps whatever the count: the status line, not a flood.
                    guard done == total || done % max(1, total / 50) == 0 else { return }
                    outbox.post(.overview(.progress(id, done: done, total: total)))
                }
            })
        }
    }
}
