import AsteriskSpoolFormat

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

extension StoredMessage {
    var key: MessageKey { MessageKey(mailbox: mailbox, id: record.id) }
}

// The spool library's names as pbx-sim's own: the HTTP faces and the seed speak of the spool
// through the store, and need not import the library to name what the store hands them.
typealias StoredMessage = AsteriskSpoolFormat.StoredMessage
typealias MessageRecord = AsteriskSpoolFormat.MessageRecord
typealias MessageID = AsteriskSpoolFormat.MessageID
typealias SpoolLayout = AsteriskSpoolFormat.SpoolLayout
typealias DurableFiles = AsteriskSpoolFormat.DurableFiles
