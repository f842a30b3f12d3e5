import FoundationEssentials
import VoicemailModel

/// A message as the spool holds it: where it is, what its `.txt` says, and which audio files
/// it has (Asterisk writes one per configured format: `.WAV`, `.gsm`, `.wav`, …).
package struct StoredMessage: Sendable, Equatable {
    package var mailbox: String
    package var folder: Folder
    package var number: Int
    package var record: MessageRecord
    /// Bytes of the audio that is served.
    package var size: Int
    /// Extensions of the audio files on disk, in `SpoolLayout.audioExtensions` order.
    package var audioExtensions: [String]

    package init(mailbox: String, folder: Folder, number: Int, record: MessageRecord, size: Int, audioExtensions: [String]) {
        self.mailbox = mailbox
        self.folder = folder
        self.number = number
        self.record = record
        self.size = size
        self.audioExtensions = audioExtensions
    }

    package var id: String { record.id }

    /// The file that is served: `.wav` first (see `SpoolLayout.audioExtensions`).
    package var servedExtension: String? { audioExtensions.first }

    /// Unread exactly when in INBOX or Urgent: Asterisk has no read flag anywhere else.
    package var isRead: Bool { !folder.holdsUnread }

    package var api: VoicemailMessage {
        VoicemailMessage(
            id: record.id, mailbox: mailbox, folder: folder, read: isRead,
            urgent: record.urgent, callerName: record.callerID.name, callerNumber: record.callerID.number,
            date: record.originTime, duration: record.duration, format: record.format, size: size,
            subject: record.subject, transcription: record.transcription)
    }
}
