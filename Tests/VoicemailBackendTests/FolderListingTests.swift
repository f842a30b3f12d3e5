import Foundation
import Synchronization
import VoicemailBackend
import VoicemailModel
import XCTest

/// The one rule for New that the screen and the CLI share: INBOX and Urgent together.
final class FolderListingTests: XCTestCase {
    /// INBOX a, c, e and Urgent b, d, interleaved in time (a newest).
    private func mailbox(urgent: FolderFakeBackend.UrgentBehaviour = .normal) -> FolderFakeBackend {
        FolderFakeBackend(
            [
                fakeMessage("a", .inbox, minutesAgo: 1, urgent: true),
                fakeMessage("b", .urgent, minutesAgo: 2, urgent: true),
                fakeMessage("c", .inbox, minutesAgo: 3),
                fakeMessage("d", .urgent, minutesAgo: 4),  // filed in Urgent without the flag
                fakeMessage("e", .inbox, minutesAgo: 5),
                fakeMessage("f", .old, minutesAgo: 6),
            ], urgent: urgent)
    }

    private let newQuery = MessageQuery(folder: .inbox, count: 100)

    func testNewIsInboxAndUrgentMergedInTheQuerysOrder() async throws {
        let backend = mailbox()
        let page = try await FolderListing(backend).messages(newQuery)
        XCTAssertEqual(page.records.map(\.id), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(page.total, 5)
        XCTAssertEqual(page.records.first { $0.id == "d" }?.urgent, true, "a message filed in Urgent shows as urgent")
        XCTAssertEqual(page.records.first { $0.id == "d" }?.folder, .urgent, "and keeps its folder")
        XCTAssertEqual(Set(backend.requests.map(\.folder)), [.inbox, .urgent])

        var oldestFirst = newQuery
        oldestFirst.direction = .ascending
        let ascending = try await FolderListing(backend).messages(oldestFirst)
        XCTAssertEqual(ascending.records.map(\.id), ["e", "d", "c", "b", "a"])
    }

    func testALimitCutsTheMergedListAndTheTotalCountsBoth() async throws {
        let backend = mailbox()
        let page = try await FolderListing(backend).messages(MessageQuery(folder: .inbox, count: 2), limit: 3)
        XCTAssertEqual(page.records.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(page.total, 5)
        XCTAssertTrue(backend.requests.allSatisfy { $0.count <= 2 }, "pages of query.count: \(backend.requests)")
    }

    func testOtherFoldersAreTheBackendsListAlone() async throws {
        let backend = mailbox()
        let old = try await FolderListing(backend).messages(MessageQuery(folder: .old))
        XCTAssertEqual(old.records.map(\.id), ["f"])
        let urgent = try await FolderListing(backend).messages(MessageQuery(folder: .urgent))
        XCTAssertEqual(urgent.records.map(\.id), ["b", "d"])
        let all = try await FolderListing(backend).messages(MessageQuery(folder: nil))
        XCTAssertEqual(all.records.count, 6)
        XCTAssertEqual(backend.requests.map(\.folder), [.old, .urgent, nil], "one list each, no Urgent beside them")
    }

    func testUrgentListingThatIgnoresTheFilterAddsOnlyWhatIsReallyInUrgent() async throws {
        let backend = mailbox(urgent: .ignoresFilter)
        let page = try await FolderListing(backend).messages(newQuery)
        XCTAssertEqual(page.records.map(\.id), ["a", "b", "c", "d", "e"], "no INBOX or Old message twice or out of place")
        XCTAssertEqual(page.total, 5)
    }

    func testAMessageInBothListsShowsOnce() async throws {
        // A message moving between the two reads (or a server that reports it in both).
        let backend = FolderFakeBackend([
            fakeMessage("a", .inbox, minutesAgo: 1), fakeMessage("a", .urgent, minutesAgo: 1),
            fakeMessage("b", .urgent, minutesAgo: 2),
        ])
        let page = try await FolderListing(backend).messages(newQuery)
        XCTAssertEqual(page.records.map(\.id), ["a", "b"])
        XCTAssertEqual(page.records[0].folder, .inbox, "INBOX's copy wins")
        XCTAssertEqual(page.total, 2)
    }

    func testAPBXThatRefusesUrgentHasNone() async throws {
        let backend = mailbox(urgent: .refused)
        let listing = FolderListing(backend)
        guard case .modified(let page, let token) = try await listing.read(newQuery) else { return XCTFail("a first read") }
        XCTAssertEqual(page.records.map(\.id), ["a", "c", "e"])
        XCTAssertEqual(page.total, 3)
        XCTAssertEqual(NewFolderTag(token), NewFolderTag(inbox: FolderFakeBackend.etag(.inbox, 0), urgent: nil))
        // The refusal does not count as a change: an unchanged INBOX is still a 304.
        guard case .notModified = try await listing.read(newQuery, ifNoneMatch: token) else { return XCTFail("a 304") }
    }

    func testA304OnlyWhenInboxAndUrgentAreBothUnchanged() async throws {
        let backend = mailbox()
        let listing = FolderListing(backend)
        guard case .modified(_, let token?) = try await listing.read(newQuery) else { return XCTFail("a joined ETag") }
        backend.clearRequests()

        guard case .notModified = try await listing.read(newQuery, ifNoneMatch: token) else { return XCTFail("a 304") }
        XCTAssertEqual(
            backend.requests.sorted { $0.folder?.rawValue ?? "" < $1.folder?.rawValue ?? "" }.map(\.ifNoneMatch),
            [FolderFakeBackend.etag(.inbox, 0), FolderFakeBackend.etag(.urgent, 0)],
            "an idle refresh is two conditional requests, each with its own ETag")

        // Urgent alone changes: the answer is the whole of New, INBOX read again in full.
        backend.add(fakeMessage("g", .urgent, minutesAgo: 0))
        backend.clearRequests()
        guard case .modified(let page, let newToken) = try await listing.read(newQuery, ifNoneMatch: token) else {
            return XCTFail("Urgent changed")
        }
        XCTAssertEqual(page.records.map(\.id), ["g", "a", "b", "c", "d", "e"])
        XCTAssertTrue(backend.requests.contains { $0.folder == .inbox && $0.ifNoneMatch == nil }, "\(backend.requests)")
        XCTAssertEqual(NewFolderTag(newToken), NewFolderTag(inbox: FolderFakeBackend.etag(.inbox, 0), urgent: FolderFakeBackend.etag(.urgent, 1)))

        // INBOX alone changes: Urgent is read again in full.
        backend.add(fakeMessage("h", .inbox, minutesAgo: 0))
        guard case .modified(let again, _) = try await listing.read(newQuery, ifNoneMatch: newToken) else {
            return XCTFail("INBOX changed")
        }
        XCTAssertEqual(again.records.map(\.id), ["h", "g", "a", "b", "c", "d", "e"])
    }

    func testTheFirstPageOfABigFolderComesEarly() async throws {
        let backend = mailbox()
        let firstPages = Mutex<[[String]]>([])
        let page = try await FolderListing(backend).read(MessageQuery(folder: .inbox, count: 2)) { first in
            firstPages.withLock { $0.append(first.records.map(\.id)) }
        }.value
        XCTAssertEqual(firstPages.withLock { $0 }, [["a", "c"]], "INBOX's first page, once")
        XCTAssertEqual(page?.records.map(\.id), ["a", "b", "c", "d", "e"])

        firstPages.withLock { $0 = [] }
        _ = try await FolderListing(backend).read(MessageQuery(folder: .old, count: 2)) { first in
            firstPages.withLock { $0.append(first.records.map(\.id)) }
        }
        XCTAssertEqual(firstPages.withLock { $0 }, [], "a folder read in one page needs no early page")
    }
}
