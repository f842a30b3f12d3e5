import AppCore
import Foundation
import VoicemailModel
import XCTest

/// Issue 20 item 4: the header says how full the mailbox is, warns from 90 %, and says
/// plainly when callers are refused; counts kept in step after actions.
final class CapacityHeaderTests: XCTestCase {
    private func header(_ state: AppState) -> String { App.render(state, size: state.size).grid.row(text: 0) }

    private func state(total inbox: Int, limit: Int?, perFolder: Bool = false) -> AppState {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 24))
        let summary = MailboxSummary(
            mailbox: "101", name: "Alice Martin", own: true, newCount: inbox, oldCount: 10, total: inbox + 10, unread: inbox,
            capacity: limit, capacityPerFolder: perFolder,
            folders: [FolderCount(folder: .inbox, total: inbox, unread: inbox), FolderCount(folder: .old, total: 10, unread: 0)])
        state.sharing.mailboxes = [summary]
        state.folderCounts = [.inbox: summary.folders[0], .old: summary.folders[1]]
        return state
    }

    private func styleOf(_ text: String, in state: AppState) -> StyleRole? {
        let frame = App.render(state, size: state.size)
        guard let range = frame.grid.row(text: 0).range(of: text) else { return nil }
        let column = frame.grid.row(text: 0).distance(from: frame.grid.row(text: 0).startIndex, to: range.lowerBound)
        return frame.grid[column, 0].style
    }

    func testTheHeaderShowsHowFull() {
        let fine = state(total: 27, limit: 100)
        XCTAssertTrue(header(fine).hasSuffix("37 of 100  ·  27 unread "), header(fine))
        XCTAssertEqual(styleOf("37 of 100", in: fine), .header)
    }

    func testFromNinetyPercentItWarns() {
        let nearly = state(total: 80, limit: 100)
        XCTAssertTrue(header(nearly).contains("90 of 100"), header(nearly))
        XCTAssertEqual(styleOf("90 of 100", in: nearly), .headerWarning)
        XCTAssertFalse(header(nearly).contains("full"))
    }

    func testAtTheLimitItSaysCallersAreRefused() {
        let full = state(total: 90, limit: 100)
        XCTAssertTrue(header(full).contains("100 of 100, full: callers cannot leave a message"), header(full))
        XCTAssertEqual(styleOf("100 of 100", in: full), .headerWarning)
    }

    func testAPerFolderLimitCountsInbox() {
        let asterisk = state(total: 95, limit: 100, perFolder: true)
        XCTAssertTrue(header(asterisk).contains("95 of 100"), header(asterisk))
    }

    func testNoLimitNoGauge() {
        let unknown = state(total: 27, limit: nil)
        XCTAssertFalse(header(unknown).contains(" of "), header(unknown))
    }
}
