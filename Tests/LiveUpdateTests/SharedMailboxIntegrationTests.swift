import AppCore
import Foundation
import TestSupport
import VMTUIRuntime
import VoicemailClient
import VoicemailModel
import XCTest

/// Support staff against pbx-sim: who sees which mailbox, PINs, live refresh and its cost.
final class SharedMailboxIntegrationTests: XCTestCase {
    func testSupportSeesCustomersButNotStaff() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let listed = try await pbx.client(token: "demo-200").mailboxes().map(\.mailbox)
        XCTAssertEqual(listed.first, "200", "own first")
        XCTAssertTrue(listed.contains("101"))
        XCTAssertTrue(listed.contains("102"))
        XCTAssertFalse(listed.contains("103"))

        let support = await HeadlessScreen(pbx: pbx, token: "demo-200", user: "200")
        await support.press(.character("o"))
        XCTAssertEqual(Set(App.pickerRows(support.state).map(\.mailbox)), ["200", "101", "102"])
        XCTAssertTrue(support.screenText.contains("Alice Martin"))
        // 103 is not listed, but typing it asks the PBX, which refuses.
        await support.type("103")
        await support.press(.enter)
        XCTAssertEqual(
            support.state.status.text,
            "You may not open mailbox 103 (permission denied); still in your mailbox")
        XCTAssertTrue(support.state.isOwnMailbox)
        XCTAssertEqual(support.state.mailbox, "200")
    }

    func testCustomerCannotOpenAnotherCustomer() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let bob = await HeadlessScreen(pbx: pbx, token: "demo-102", user: "102")
        let ownIDs = bob.visibleIDs
        await bob.press(.character("o"))
        await bob.type("101")
        await bob.press(.enter)
        XCTAssertTrue(bob.state.status.text.hasPrefix("You may not open mailbox 101 (permission denied)"), bob.state.status.text)
        XCTAssertEqual(bob.state.mailbox, "102")
        XCTAssertEqual(bob.visibleIDs, ownIDs)

        // --mailbox 101 at launch: refused, back in the own mailbox with one line.
        let launched = await HeadlessScreen(pbx: pbx, token: "demo-102", user: "102", mailbox: "101")
        XCTAssertTrue(launched.state.isOwnMailbox)
        XCTAssertEqual(launched.state.mailbox, "102")
        XCTAssertTrue(launched.state.status.text.contains("permission denied"), launched.state.status.text)
    }

    func testPINWrongThenRight() async throws {
        let pbx = try await LivePBX(pinRequired: ["101"])
        defer { Task { await pbx.stop() } }
        try await pbx.deposit(into: "101", callerName: "Jane", callerNumber: "555")
        try await pbx.deposit(into: "200", callerName: "Own", callerNumber: "556")
        let support = await HeadlessScreen(pbx: pbx, token: "demo-200", user: "200")
        let ownIDs = support.visibleIDs
        XCTAssertEqual(ownIDs.count, 1)
        await support.press(.character("o"))
        XCTAssertTrue(support.screenText.contains("PIN"), "the picker marks PIN mailboxes")
        await support.type("101")
        await support.press(.enter)
        guard case .pin("101", _)? = support.state.prompt else { return XCTFail("no PIN prompt") }
        await support.type("wrong")
        XCTAssertFalse(support.screenText.contains("wrong"), "masked")
        await support.press(.enter)
        XCTAssertEqual(support.state.status.text, "Wrong PIN for mailbox 101 Alice Martin; still in your mailbox")
        XCTAssertEqual(support.state.mailbox, "200")
        XCTAssertEqual(support.visibleIDs, ownIDs)

        await support.press(.character("o"))
        await support.type("101")
        await support.press(.enter)
        await support.type("pass1")
        await support.press(.enter)
        XCTAssertEqual(support.state.mailbox, "101")
        XCTAssertFalse(support.state.isOwnMailbox)
        XCTAssertEqual(support.visibleIDs.count, 1)
        XCTAssertTrue(support.screenText.contains("101 Alice Martin — shared"))
        // The PIN is remembered for later calls on that mailbox: a refresh and a mark read work.
        try await pbx.deposit(into: "101", callerName: "Later", callerNumber: "557")
        await support.tickRefresh()
        XCTAssertEqual(support.visibleIDs.count, 2)
        XCTAssertFalse(support.state.status.text.contains("PIN"), support.state.status.text)
        await support.press(.character("r"))
        XCTAssertTrue(support.state.status.text.hasPrefix("Marked 1 message read"), support.state.status.text)
    }

    func testDepositShowsWithinOneRefreshAndIsAnnounced() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let support = await HeadlessScreen(pbx: pbx, token: "demo-200", user: "200", bell: true)
        await support.press(.character("o"))
        await support.type("101")
        await support.press(.enter)
        XCTAssertEqual(support.state.mailbox, "101")
        XCTAssertEqual(support.takeNotices(), [], "what is there on opening is not news")
        await support.press(.character("j"))
        let selected = support.state.selectedMessage?.id
        let before = support.state.visibleCount
        let badgeBefore = support.state.sharing.mailboxes.first { $0.mailbox == "101" }?.unread ?? -1

        let deposited = try await pbx.deposit(into: "101", callerName: "Bob Nguyen", callerNumber: "102")
        await support.tickRefresh()
        XCTAssertEqual(support.state.visibleCount, before + 1)
        XCTAssertTrue(support.visibleIDs.contains(deposited.id))
        XCTAssertEqual(support.state.selectedMessage?.id, selected, "the selection stays on its message")
        XCTAssertEqual(support.state.status.text, "New message from Bob Nguyen <102>")
        XCTAssertEqual(
            support.takeNotices(),
            [.bell, .list(.announceNewMessage(NewMessageNotice(
                mailbox: "101", messageID: deposited.id, callerName: "Bob Nguyen", callerNumber: "102")))])
        XCTAssertEqual(support.state.sharing.mailboxes.first { $0.mailbox == "101" }?.unread, badgeBefore + 1,
                       "\(support.state.sharing.mailboxes.map { ($0.mailbox, $0.unread, $0.newCount) }) \(pbx.takeRecords().map { ($0.target, $0.status) })")

        // The owner listens (marks it read) and deletes another: the support view follows.
        let alice = pbx.client(token: "demo-101")
        _ = try await alice.markRead(ids: [deposited.id])
        let victim = try XCTUnwrap(support.visibleIDs.first { $0 != deposited.id && $0 != selected })
        let victimWasUnread = (0..<support.state.visibleCount).map { support.state.visibleMessage(at: $0) }
            .first { $0.id == victim }.map { !$0.read } ?? false
        try await alice.delete(ids: [victim])
        await support.tickRefresh()
        XCTAssertFalse(support.visibleIDs.contains(deposited.id), "read moved it to Old")
        XCTAssertFalse(support.visibleIDs.contains(victim))
        XCTAssertEqual(
            support.state.sharing.mailboxes.first { $0.mailbox == "101" }?.unread, badgeBefore - (victimWasUnread ? 1 : 0),
            "the badge drops with the owner's read and delete")
        XCTAssertEqual(support.takeNotices(), [])
    }

    func testActingOnMessageGoneElsewhereSaysSoAndRefreshes() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let support = await HeadlessScreen(pbx: pbx, token: "demo-200", user: "200")
        await support.press(.character("o"))
        await support.type("101")
        await support.press(.enter)
        let target = try XCTUnwrap(support.state.selectedMessage?.id)
        try await pbx.client(token: "demo-101").delete(ids: [target])
        await support.press(.character("d"))
        XCTAssertTrue(support.screenText.contains("from Alice Martin's mailbox (101)? [y/N]"))
        await support.press(.character("y"))
        XCTAssertEqual(support.state.status.text, "That message was already deleted; list refreshed")
        XCTAssertFalse(support.visibleIDs.contains(target))
    }

    func testIdleRefreshCostsOnlyNotModifiedAnswers() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let support = await HeadlessScreen(pbx: pbx, token: "demo-200", user: "200")
        await support.press(.character("o"))
        await support.type("101")
        await support.press(.enter)
        await support.press(.character("2"))  // Work: New is watched too
        await support.tickRefresh()  // the first refresh learns every ETag
        _ = pbx.takeRecords()
        for _ in 0..<3 { await support.tickRefresh() }
        let idle = pbx.takeRecords()
        // Per refresh: the open folder, New (its INBOX and Urgent lists) and Mailboxes.
        XCTAssertEqual(idle.count, 12, "folder, New's INBOX and Urgent, and Mailboxes per refresh: \(idle)")
        XCTAssertTrue(idle.allSatisfy { $0.status == 304 }, "\(idle.map(\.status))")
        XCTAssertEqual(idle.reduce(0) { $0 + ($1.bodyBytes ?? 0) }, 0)
        XCTAssertTrue(idle.contains { $0.target.contains("Mailboxes") })
        XCTAssertTrue(idle.contains { $0.target.contains("filter%5Bfolder%5D=Work") || $0.target.contains("filter[folder]=Work") })
    }
}
