import Foundation
import VoicemailModel

/// A message as the spool holds it: where it is, what its `.txt` says, and which audio files
/// it has (Asterisk writes one per configured format: `.WAV`, `.gsm`, `.wav`, …).
struct StoredMessage: Sendable, Equatable {
    var mailbox: String
    var folder: Folder
    var number: Int
    var record: MessageRecord
    /// Bytes of the audio that is served.
    var size: Int
    /// Extensions of the audio files on disk, in `SpoolLayout.audioExtensions` order.
    var audioExtensions: [String]

    var id: String { record.id }
    var key: MessageKey { MessageKey(mailbox: mailbox, id: record.id) }

    /// The file that is served: `.wav` first (see `SpoolLayout.audioExtensions`).
    var servedExtension: String? { audioExtensions.first }

    /// Unread exactly when in INBOX or Urgent: Asterisk has no read flag anywhere else.
    var isRead: Bool { !folder.holdsUnread }

    var api: VoicemailMessage {
        VoicemailMessage(
            id: record.id, mailbox: mailbox, folder: folder, read: isRead,
            urgent: record.urgent, callerName: record.callerID.name, callerNumber: record.callerID.number,
            date: record.originTime, duration: record.duration, format: record.format, size: size,
            subject: record.subject, transcription: record.transcription)
    }
}

/// How a message is named: ids are unique within a mailbox, not across mailboxes (a forwarded
/// copy keeps its msg_id, as Asterisk's copy does).
struct MessageKey: Hashable, Sendable {
    var mailbox: String
    var id: String
}

/// Failures of a store operation, mapped to HTTP statuses by the API layer.
enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    /// The mailbox's capacity, or Asterisk's 9999 per folder: 409.
    case mailboxFull(String)
    case badRequest(String)
    /// A folder lock held by someone else for longer than Asterisk waits (5 s): 503.
    case busy(String)
    case io(String)

    var description: String {
        switch self {
        case .notFound(let text), .mailboxFull(let text), .badRequest(let text), .busy(let text), .io(let text): text
        }
    }
}
