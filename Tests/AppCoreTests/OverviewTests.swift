import AppCore
import Foundation
import VoicemailBackend
import VoicemailModel
import XCTest

/// Issue 20 item 5 on the screen: `O` lists every mailbox, progress in the status line, Enter
/// opens the chosen one as the picker does, Esc closes.
final class OverviewTests: XCTestCase {
    private func row(_ mailbox: String, unread: Int, total: Int, capacity: Int? = nil, waited hours: Double? = nil) -> MailboxOverviewRow {
        var row = MailboxOverviewRow(MailboxSummary(
            mailbox: mailbox, name: "Owner \(mailbox)", own: false, newCount: unread, oldCount: total - unread,
            total: total, unread: unread, capacity: capacity))
        row.oldestUnread = hours.map { Fixtures.now.addingTimeInterval(-$0 * 3600) }
        row.newest = Fixtures.now.addingTimeInterval(-600)
        row.newestCaller = "Caller <555>"
        return row
    }

    private func loadID(_ effects: [Effect]) -> RequestID? {
        for effect in effects { if case .overview(.load(let id)) = effect { return id } }
        return nil
    }

    private func body(_ state: AppState) -> [String] {
        let frame = App.render(state, size: state.size)
        return (0..<state.size.height).map { frame.grid.row(text: $0) }
    }

    func testOOpensTheOverviewAndShowsProgressThenRows() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(loadID(state.press(.character("O"))))
        XCTAssertEqual(state.topOverlay, .overview)
        XCTAssertEqual(state.status, .busy("Reading mailboxes…"))
        state.send(.overview(.progress(id, done: 120, total: 500)))
        XCTAssertEqual(state.status, .busy("Reading mailboxes 120 of 500…"))
        let rows = MailboxOverview.ordered([
            row("300", unread: 2, total: 5, capacity: 100, waited: 3),
            row("301", unread: 1, total: 100, capacity: 100, waited: 1),
            row("302", unread: 4, total: 10, waited: 50),
        ])
        state.send(.overview(.loaded(id, .success(rows))))
        XCTAssertEqual(state.overview?.rows?.map(\.mailbox), ["301", "302", "300"], "full first, then the longest wait")
        XCTAssertEqual(state.status, .success("3 mailboxes, 1 full or nearly full"))
        let lines = body(state)
        XCTAssertTrue(lines[1].contains("Overview of every mailbox you may open  3 mailboxes"), lines[1])
        XCTAssertTrue(lines[4].contains("301") && lines[4].contains("100 of 100 FULL"), lines[4])
        XCTAssertTrue(lines[5].contains("302") && lines[5].contains("2d"), lines[5])
        XCTAssertTrue(lines.last!.contains("open") && lines.last!.contains("close"), lines.last!)
    }

    func testEnterOpensTheChosenMailboxLikeThePicker() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(loadID(state.press(.character("O"))))
        state.send(.overview(.loaded(id, .success([row("300", unread: 1, total: 1), row("102", unread: 1, total: 1)]))))
        state.press(.down)
        XCTAssertEqual(state.overview?.selected?.mailbox, "102")
        let effects = state.press(.enter)
        XCTAssertNil(state.overview)
        XCTAssertTrue(effects.contains { if case .picker(.openMailbox(_, "102", nil)) = $0 { true } else { false } }, "\(effects)")
        XCTAssertEqual(state.status, .busy("Opening mailbox 102 Bob Nguyen…"))
    }

    func testEnterOnAnOpenMailboxSendsTheOpen() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(loadID(state.press(.character("O"))))
        state.send(.overview(.loaded(id, .success([row("300", unread: 1, total: 1)]))))
        let effects = state.press(.enter)
        XCTAssertTrue(effects.contains { if case .picker(.openMailbox(_, "300", nil)) = $0 { true } else { false } })
    }

    func testEscClosesAndCancelsTheLoad() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(loadID(state.press(.character("O"))))
        let effects = state.press(.escape)
        XCTAssertNil(state.overview)
        XCTAssertTrue(effects.contains(.cancel(id)))
        XCTAssertEqual(state.send(.overview(.loaded(id, .success([])))), [])
        XCTAssertNil(state.overview, "a late answer does not reopen it")
    }

    func testAFailureIsOneLine() throws {
        var state = Fixtures.loaded()
        let id = try XCTUnwrap(loadID(state.press(.character("O"))))
        state.send(.overview(.loaded(id, .failure(AppError(.network, "connection refused")))))
        guard case .error(let line) = state.status else { return XCTFail("\(state.status)") }
        XCTAssertFalse(line.contains("\n"))
        XCTAssertTrue(line.contains("Could not read the mailboxes"), line)
    }
}
