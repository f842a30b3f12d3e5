import Foundation
import Synchronization
import VoicemailBackend
import VoicemailModel

/// A backend in memory that only lists (sorted by date, either way): each folder has its
/// messages and an ETag that changes when they do. It records every list request, and can be
/// told to refuse Urgent or to ignore the folder filter there (as some servers do).
final class FolderFakeBackend: VoicemailBackend {
    struct Request: Equatable {
        var folder: Folder?
        var start: Int
        var count: Int
        var ifNoneMatch: String?
    }

    enum UrgentBehaviour {
        case normal
        /// Listing Urgent throws (a PBX that will not list it).
        case refused
        /// Listing Urgent answers every folder's messages.
        case ignoresFilter
    }

    private struct Store {
        var messages: [VoicemailMessage] = []
        var versions: [Folder: Int] = [:]
        var requests: [Request] = []
    }

    private let store = Mutex(Store())
    let urgentBehaviour: UrgentBehaviour

    init(_ messages: [VoicemailMessage], urgent: UrgentBehaviour = .normal) {
        urgentBehaviour = urgent
        store.withLock { $0.messages = messages }
    }

    var requests: [Request] { store.withLock { $0.requests } }

    func clearRequests() { store.withLock { $0.requests = [] } }

    /// Adds a message; its folder's ETag changes.
    func add(_ message: VoicemailMessage) {
        store.withLock {
            $0.messages.append(message)
            $0.versions[message.folder, default: 0] += 1
        }
    }

    static func etag(_ folder: Folder?, _ version: Int) -> String { "\"\(folder?.rawValue ?? "all")-\(version)\"" }

    func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws -> Conditional<Page<VoicemailMessage>> {
        try store.withLock { store in
            store.requests.append(Request(folder: query.folder, start: query.start, count: query.count, ifNoneMatch: etag))
            var folder = query.folder
            if folder == .urgent {
                switch urgentBehaviour {
                case .normal: break
                case .refused: throw VoicemailError.badRequest(reason: "unknown folder Urgent")
                case .ignoresFilter: folder = nil
                }
            }
            let version = query.folder.map { store.versions[$0, default: 0] } ?? store.versions.values.reduce(0, +)
            let current = Self.etag(query.folder, version)
            if let etag, etag == current { return .notModified }
            let selected = store.messages.filter { folder == nil || $0.folder == folder }
                .sorted { query.direction == .ascending ? $0.date < $1.date : $0.date > $1.date }
            let start = min(query.start, selected.count)
            let page = Array(selected[start..<min(selected.count, start + query.count)])
            return .modified(Page(total: selected.count, records: page), etag: current)
        }
    }

    // Nothing else is asked of it.
    func capabilities() async throws -> BackendCapabilities { BackendCapabilities(supported: []) }
    func whoAmI() async throws -> AccountInfo? { nil }
    func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> { throw unused }
    func message(id: String, mailbox: String?) async throws -> VoicemailMessage { throw unused }
    func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] { throw unused }
    func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] { throw unused }
    func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] { throw unused }
    func delete(ids: [String], mailbox: String?) async throws -> [String] { throw unused }
    func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy] { throw unused }
    func downloadAudio(of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?) async throws
        -> DownloadResult
    { throw unused }
    func greetings(mailbox: String?) async throws -> [GreetingInfo] { throw unused }
    func downloadGreeting(_ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?)
        async throws -> DownloadResult
    { throw unused }
    func uploadGreeting(_ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?) async throws
        -> GreetingInfo
    { throw unused }
    func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo { throw unused }
    func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        throw unused
    }
    func setPIN(_ pin: String?, forMailbox mailbox: String) {}
    func pin(forMailbox mailbox: String) -> String? { nil }

    private var unused: VoicemailError { .unsupported(.move) }
}

/// A message `minutesAgo` before a fixed moment, so the order by date is known.
func fakeMessage(_ id: String, _ folder: Folder, minutesAgo: Int, urgent: Bool = false) -> VoicemailMessage {
    VoicemailMessage(
        id: id, mailbox: "101", folder: folder, read: !folder.holdsUnread, urgent: urgent, callerNumber: "200",
        date: Date(timeIntervalSince1970: 1_800_000_000 - Double(minutesAgo * 60)), duration: 5)
}
