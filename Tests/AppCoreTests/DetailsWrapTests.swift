import AppCore
import DisplayText
import VoicemailModel
import XCTest

/// Detail values that do not fit the pane wrap under themselves instead of losing their end.
final class DetailsWrapTests: XCTestCase {
    func testALongCallerIDWrapsInTheNarrowDetailsPane() {
        let long = VoicemailMessage(
            id: "w1", mailbox: "101", folder: .inbox, callerName: "Maximilian Alexander von Hohenberg-Rothenfels",
            callerNumber: "+49 30 5555 0199 77", date: Fixtures.date("2026-11-27T08:15:00Z"), duration: 12)
        let state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40), messages: [long])
        let rows = App.view(state, size: TerminalSize(width: 120, height: 40)).text().split(separator: "\n")
        let details = rows.compactMap { row -> String? in
            guard let bar = row.lastIndex(of: "│") else { return nil }
            return row[row.index(after: bar)...].trimmingCharacters(in: .whitespaces)
        }
        let from = details.firstIndex { $0.hasPrefix("From") }
        XCTAssertNotNil(from, rows.joined(separator: "\n"))
        guard let from else { return }
        // Nothing cut with an ellipsis; the number is on the continuation line.
        let joined = details[from...from + 2].joined(separator: " ")
        XCTAssertFalse(details[from].contains("…"), details[from])
        XCTAssertTrue(joined.contains("+49 30 5555 0199 77"), joined)
        XCTAssertTrue(joined.contains("Hohenberg-Rothenfels"), joined)
    }
}

/// Hardening 24: layout of hostile text.
final class HostileLayoutTests: XCTestCase {
    func testAHugeCallerNameTakesTwoLinesAtMost() {
        var message = Fixtures.inbox[0]
        message.callerName = String(repeating: "Very Long Name ", count: 140)
        let state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40), messages: [message])
        let rows = App.view(state, size: state.size).text().split(separator: "\n", omittingEmptySubsequences: false)
        let nameRows = rows.filter { $0.contains("Very Long Name") }
        XCTAssertEqual(nameRows.count, 2, nameRows.joined(separator: "\n"))
        XCTAssertTrue(nameRows[1].contains("…"), String(nameRows[1]))
        XCTAssertTrue(rows.contains { $0.contains("<\(message.callerNumber)>") }, "the number still shows")
        XCTAssertTrue(rows.contains { $0.contains("Date") }, "the other fields still show")
    }

    func testAZWJFamilyIsOneWideClusterInTheGrid() {
        var grid = CellGrid(width: 10, height: 1)
        let end = grid.put("👨‍👩‍👧x", x: 0, y: 0, style: .normal)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2)
        XCTAssertEqual(end, 3, "the family takes two cells and x the third")
        XCTAssertEqual(grid.text().split(separator: "\n").first.map(String.init), "👨‍👩‍👧x       ")
    }
}
