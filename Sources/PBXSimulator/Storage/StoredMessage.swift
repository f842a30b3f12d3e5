import Foundation
import VoicemailModel

/// A message as the spool holds it: where it is and what its `.txt` says.
struct StoredMessage: Sendable, Equatable {
    var mailbox: String
    var folder: Folder
    var number: Int
    var record: MessageRecord
    var size: Int

    var id: String { record.id }

    var api: VoicemailMessage {
        VoicemailMessage(
            id: record.id, mailbox: mailbox, folder: folder,
            // In INBOX a message is unread by definition (as on the phone).
            read: folder == .inbox ? false : record.read,
            urgent: record.urgent, callerName: record.callerID.name, callerNumber: record.callerID.number,
            date: record.originTime, duration: record.duration, format: record.format, size: size,
            subject: record.subject, transcription: record.transcription)
    }
}

/// Failures of a store operation, mapped to HTTP statuses by the API layer.
enum StoreError: Error, Equatable {
    case notFound(String)
    case mailboxFull(String)
    case badRequest(String)
    case io(String)
}
