import AppCore
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import Logging
import Synchronization
import VoicemailBackend
import VoicemailClient
import VoicemailModel

/// The last Mailboxes answer and its ETag, so every later look is a conditional request
/// (a 304 with no body when nothing changed) that still answers the app with the full list.
final class MailboxesCache: Sendable {
    private let last = Mutex<(etag: String, summaries: [MailboxSummary])?>(nil)

    func load(_ client: any VoicemailBackend) async throws -> [MailboxSummary] {
        let known = last.withLock { $0 }
        switch try await client.mailboxes(ifNoneMatch: known?.etag) {
        case .notModified:
            if let known { return known.summaries }
            // A 304 to a request without an ETag is the server's mistake: ask plainly.
            guard let summaries = try await client.mailboxes(ifNoneMatch: nil).value else {
                throw VoicemailError.unexpectedStatus(status: 304, reason: "Not Modified without If-None-Match")
            }
            return summaries
        case .modified(let summaries, let etag):
            last.withLock { $0 = etag.map { ($0, summaries) } }
            return summaries
        }
    }
}

extension ClientEffectRunner {
    func run(_ effect: PickerEffect) async -> PickerEvent {
        switch effect {
        case .openMailbox(let id, let mailbox, let pin):
            .mailboxOpened(id, await attempt("open mailbox \(mailbox)") { try await openMailbox(mailbox, pin: pin) })
        }
    }

    /// Opens another mailbox by loading its New folder. A PIN typed by the user is sent for
    /// this attempt and kept (in memory, for this session) only when the PBX accepts it, so a
    /// wrong PIN never replaces a good one.
    func openMailbox(_ mailbox: String, pin: MailboxPIN?) async throws -> FolderLoad {
        guard let pin else { return try await loadFolder(mailbox: mailbox, folder: .inbox, etag: nil) }
        let previous = client.pin(forMailbox: mailbox)
        client.setPIN(pin.value, forMailbox: mailbox)
        do {
            let load = try await loadFolder(mailbox: mailbox, folder: .inbox, etag: nil)
            logger.info("mailbox \(mailbox) opened with a PIN")
            return load
        } catch {
            client.setPIN(previous, forMailbox: mailbox)
            throw error
        }
    }

    /// Runs the user's hook for one new message; a failure comes back as one line.
    func announce(_ notice: NewMessageNotice) async -> ListEvent? {
        guard let hook else { return nil }
        guard let failure = await hook.run(notice, logger: logger) else { return nil }
        return .notificationFailed(failure)
    }
}
