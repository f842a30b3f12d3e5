import Foundation
import Synchronization
import VoicemailBackend
import VoicemailModel
import XCTest

/// `change(_:ids:…)`: the backend's bulk call where it has one, else one call per message with
/// a bounded number in flight, progress counted, the first failure stopping the rest.
final class BulkChangeTests: XCTestCase {
    func testOneCallPerMessageNeverMoreThanTheBoundInFlight() async throws {
        let backend = CountingBackend()
        let seen = Mutex<[Int]>([])
        let ids = (0..<40).map { "m\($0)" }
        let done = try await backend.change(.markRead, ids: ids, mailbox: nil, inFlight: 3) { done, total in
            XCTAssertEqual(total, 40)
            seen.withLock { $0.append(done) }
        }
        XCTAssertEqual(done, 40)
        XCTAssertEqual(backend.calls.sorted(), ids.sorted())
        XCTAssertLessThanOrEqual(backend.mostAtOnce, 3)
        XCTAssertEqual(seen.withLock { $0 }, Array(1...40), "progress counts up to the total")
    }

    func testTheFirstFailureStopsTheSet() async {
        let backend = CountingBackend(failing: "m2")
        do {
            _ = try await backend.change(.delete, ids: (0..<20).map { "m\($0)" }, mailbox: nil, inFlight: 1)
            XCTFail("the failure must surface")
        } catch {
            XCTAssertEqual(error as? VoicemailError, .notFound(what: "message m2", reason: ""))
        }
        XCTAssertEqual(backend.calls, ["m0", "m1", "m2"], "nothing after the failing message")
    }

    func testABulkBackendAnswersForTheChangesItHasACallFor() async throws {
        let backend = BulkBackend()
        let deleted = try await backend.change(.delete, ids: ["a", "b", "c"], mailbox: nil)
        XCTAssertEqual(deleted, 3)
        XCTAssertEqual(backend.bulkCalls, [["a", "b", "c"]])
        XCTAssertEqual(backend.calls, [])
        let moved = try await backend.change(.move(.work), ids: ["a", "b"], mailbox: nil)
        XCTAssertEqual(moved, 2, "no bulk move: one by one")
        XCTAssertEqual(backend.calls.sorted(), ["a", "b"])
    }
}

/// Counts the single-message calls and how many ran at once.
class CountingBackend: VoicemailBackend, @unchecked Sendable {
    private struct Counts {
        var calls: [String] = []
        var running = 0
        var mostAtOnce = 0
    }

    private let counts = Mutex(Counts())
    let failing: String?

    init(failing: String? = nil) { self.failing = failing }

    var calls: [String] { counts.withLock { $0.calls } }
    var mostAtOnce: Int { counts.withLock { $0.mostAtOnce } }

    private func one(_ ids: [String]) async throws {
        counts.withLock {
            $0.calls += ids
            $0.running += 1
            $0.mostAtOnce = max($0.mostAtOnce, $0.running)
        }
        await Task.yield()
        counts.withLock { $0.running -= 1 }
        if let failing, ids.contains(failing) { throw VoicemailError.notFound(what: "message \(failing)", reason: "") }
    }

    func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] { try await one(ids); return [] }
    func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] { try await one(ids); return [] }
    func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] { try await one(ids); return [] }
    func delete(ids: [String], mailbox: String?) async throws -> [String] { try await one(ids); return ids }

    // Nothing else is asked of it.
    func capabilities() async throws -> BackendCapabilities { .everything }
    func whoAmI() async throws -> AccountInfo? { nil }
    func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> { throw unused }
    func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws -> Conditional<Page<VoicemailMessage>> { throw unused }
    func message(id: String, mailbox: String?) async throws -> VoicemailMessage { throw unused }
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

    private var unused: VoicemailError { .unsupported(.forward) }
}

/// Deletes a whole set in one call; has no bulk call for the rest.
final class BulkBackend: CountingBackend, BulkChangingBackend, @unchecked Sendable {
    private let bulk = Mutex<[[String]]>([])
    var bulkCalls: [[String]] { bulk.withLock { $0 } }

    func changeInBulk(_ change: BulkChange, ids: [String], mailbox: String?, progress: BulkProgress?) async throws -> Int? {
        guard change == .delete else { return nil }
        bulk.withLock { $0.append(ids) }
        progress?(ids.count, ids.count)
        return ids.count
    }
}
