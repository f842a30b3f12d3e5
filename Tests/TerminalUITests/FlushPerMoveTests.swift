import AppCore
import Foundation
@testable import TerminalUI
import VoicemailModel
import XCTest

/// What one `j` hands ncurses: the list's position, the details values that differ, and the two
/// rows the selection bar leaves and reaches; nothing else on the screen is touched.
final class FlushPerMoveTests: XCTestCase {
    private let size = TerminalSize(width: 120, height: 40)
    private let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// Unread messages whose rows and details differ only in their digits, like a busy inbox.
    private func loadedState(read: Bool) -> AppState {
        let messages = (0..<30).map { i in
            VoicemailMessage(
                id: "m\(i)", mailbox: "101", folder: .inbox, read: read, callerName: "Caller \(i)",
                callerNumber: String(100 + i), date: now.addingTimeInterval(Double(-600 * (i + 1))),
                duration: 5 + i, size: 80_000)
        }
        let config = AppConfig(
            server: "pbx.example.com", user: "101", userName: "Alice Martin",
            timeZone: TimeZone(identifier: "UTC")!)
        var (state, effects) = App.initial(config: config, now: now)
        _ = App.update(&state, .input(.resize(size)))
        for effect in effects {
            switch effect {
            case .list(.loadMailboxes(let id)):
                let summary = MailboxSummary(
                    mailbox: "101", name: "Alice Martin", own: true, newCount: 30, oldCount: 0, total: 30,
                    unread: read ? 0 : 30, folders: [FolderCount(folder: .inbox, total: 30, unread: read ? 0 : 30)])
                _ = App.update(&state, .list(.mailboxesLoaded(id, .success([summary]))))
            case .list(.loadFolder(let id, _, _, _)):
                _ = App.update(&state, .list(.folderLoaded(id, .success(.loaded(messages: messages, etag: "e1")))))
            default:
                break
            }
        }
        return state
    }

    /// The runs a `j` from `from` to `from + 1` flushes, after the frame before it was shown.
    private func runsOfOneMove(read: Bool, from: Int) -> (runs: [ShownGrid.Run], layout: Layout) {
        var state = loadedState(read: read)
        for _ in 0..<from { _ = App.update(&state, .input(.key(.character("j")))) }
        var shown = ShownGrid()
        _ = shown.changes(to: App.view(state, size: size), rows: size.height, columns: size.width)
        XCTAssertEqual(state.selection, from)
        _ = App.update(&state, .input(.key(.character("j"))))
        XCTAssertEqual(state.selection, from + 1)
        let runs = shown.changes(to: App.view(state, size: size), rows: size.height, columns: size.width)
        return (runs, Layout(size: size, detailsToggled: false))
    }

    private func assertOnlyTheMovesCells(read: Bool, from: Int, file: StaticString = #filePath, line: UInt = #line) {
        let (runs, layout) = runsOfOneMove(read: read, from: from)
        guard let list = layout.list, let details = layout.details else {
            return XCTFail("120x40 shows the list and the details side by side", file: file, line: line)
        }
        let oldRow = list.y + 1 + from
        let newRow = oldRow + 1
        let valuesX = details.x + 1 + 8  // after the pane's margin and the labels
        let title = runs.filter { $0.row == list.y }
        let rows = runs.filter { $0.row == oldRow || $0.row == newRow }
        let detailsRuns = runs.filter { $0.start >= valuesX && $0.end <= details.x + details.width }
        // The selection bar's two rows, whole across the list and not beyond it.
        XCTAssertEqual(
            rows.filter { $0.start < details.x },
            [.init(row: oldRow, start: list.x, end: list.x + list.width),
             .init(row: newRow, start: list.x, end: list.x + list.width)], file: file, line: line)
        // The position: only its last digit (" New  2 of 30" -> " New  3 of 30").
        let digit = list.x + " New  \(from + 1)".count - 1
        XCTAssertEqual(title, [.init(row: list.y, start: digit, end: digit + 1)], file: file, line: line)
        // The details: only the characters of values that differ, on the field rows.
        XCTAssertFalse(detailsRuns.isEmpty, file: file, line: line)
        for run in detailsRuns {
            XCTAssertLessThanOrEqual(run.end - run.start, 6, "\(run)", file: file, line: line)
            XCTAssertTrue((details.y + 1...details.y + 4).contains(run.row), "\(run)", file: file, line: line)
        }
        // Nothing else: no header, folders, borders, status or footer cell.
        let accounted = title.count + rows.filter { $0.start < details.x }.count + detailsRuns.count
        XCTAssertEqual(runs.count, accounted, "\(runs)", file: file, line: line)
    }

    func testAMoveAmongUnreadMessagesFlushesOnlyWhatChanged() {
        assertOnlyTheMovesCells(read: false, from: 1)
        assertOnlyTheMovesCells(read: false, from: 12)
    }

    func testAMoveAmongReadMessagesFlushesOnlyWhatChanged() {
        assertOnlyTheMovesCells(read: true, from: 1)
        assertOnlyTheMovesCells(read: true, from: 12)
    }
}
