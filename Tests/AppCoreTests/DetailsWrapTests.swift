import AppCore
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
