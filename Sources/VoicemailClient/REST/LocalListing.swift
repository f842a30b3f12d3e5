import FoundationEssentials
import Synchronization
import SystemBasics
import VoicemailBackend
import VoicemailModel

/// Listing for APIs that hand over a whole folder (Wazo) or page by key (Kazoo), while vmtui
/// asks by offset: a read from offset 0 fetches the folder and keeps it; later pages of the
/// same query are cut from that copy, so paging through a folder fetches it once and no
/// message is seen twice or skipped. Sorting and search happen here (neither API searches).
/// The ETag is a digest of what came back: an unchanged folder answers `.notModified`, so
/// the screen redraws only on a change.
final class LocalListing: Sendable {
    private struct Key: Hashable {
        var mailbox: String
        var folder: Folder?
        var sort: MessageSort
        var direction: SortDirection
        var search: String?
    }

    private let kept = Mutex<[Key: [VoicemailMessage]]>([:])

    func page(
        _ query: MessageQuery, mailbox: String, ifNoneMatch etag: String?,
        fetch: () async throws -> [VoicemailMessage]
    ) async throws -> Conditional<Page<VoicemailMessage>> {
        let key = Key(
            mailbox: mailbox, folder: query.folder, sort: query.sort, direction: query.direction,
            search: query.search?.trimmingSpaces().lowercased())
        var messages: [VoicemailMessage]
        if query.start > 0, let copy = kept.withLock({ $0[key] }) {
            messages = copy
        } else {
            messages = try await fetch()
            if let search = key.search, !search.isEmpty {
                messages = messages.filter { message in
                    [message.callerName ?? "", message.callerNumber, message.subject ?? "", message.transcription ?? ""]
                        .contains { $0.lowercased().contains(search) }
                }
            }
            messages.sort(by: Self.order(query.sort, query.direction))
            kept.withLock { $0[key] = messages }
        }
        let start = min(max(0, query.start), messages.count)
        let end = min(messages.count, start + max(0, query.count))
        let records = Array(messages[start..<end])
        let tag = Self.digest(records, total: messages.count)
        if let etag, etag == tag { return .notModified }
        return .modified(Page(total: messages.count, records: records), etag: tag)
    }

    /// Forgets kept copies (after a change, so the next read is fresh).
    func forget() { kept.withLock { $0.removeAll() } }

    static func order(_ sort: MessageSort, _ direction: SortDirection) -> (VoicemailMessage, VoicemailMessage) -> Bool {
        { a, b in
            let ascending: Bool
            switch sort {
            case .date: ascending = (a.date, a.id) < (b.date, b.id)
            case .duration: ascending = (a.duration, a.date, a.id) < (b.duration, b.date, b.id)
            case .callerNumber: ascending = (a.callerNumber, a.date, a.id) < (b.callerNumber, b.date, b.id)
            case .callerName:
                ascending = ((a.callerName ?? "").lowercased(), a.date, a.id) < ((b.callerName ?? "").lowercased(), b.date, b.id)
            }
            return direction == .ascending ? ascending : !ascending && a.id != b.id
        }
    }

    /// FNV-1a over what the screen shows of each record.
    static func digest(_ records: [VoicemailMessage], total: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x100_0000_01b3
        }
        mix(String(total))
        for r in records {
            mix(r.id)
            mix(r.folder.rawValue)
            mix(r.read ? "r" : "u")
            mix(r.callerName ?? "")
            mix(r.callerNumber)
            mix(String(r.duration))
            mix(r.transcription ?? "")
        }
        return "local-" + String(hash, radix: 16)
    }
}
