import Foundation
import TestSupport
import XCTest

/// Issue 20 items 4 and 5 against a real pbx-sim: capacity in `mailboxes`, and `overview`
/// listing the support desk's mailboxes, the full one first.
final class OverviewCLITests: XCTestCase {
    var directory: TemporaryDirectory!
    var simulator: SimulatorProcess!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-overview")
        // Alice (101) has 15 demo messages: full at 15.
        simulator = try SimulatorProcess(dataDirectory: directory.appending("spool"), capacity: 15)
    }

    override func tearDown() {
        simulator?.terminate()
        directory?.remove()
    }

    private func run(_ arguments: [String], token: String = "demo-200") throws -> VmtuiProcess.Outcome {
        try VmtuiProcess.run(
            arguments + ["--server", simulator.baseURL.absoluteString], in: directory, environment: ["VMTUI_TOKEN": token])
    }

    func testOverviewPutsTheFullMailboxFirstWithItsDetails() throws {
        let outcome = try run(["overview", "--json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "", "no progress line when stderr is no terminal")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(rows.compactMap { $0["mailbox"] as? String }), ["101", "102", "200"])
        let alice = rows[0]
        XCTAssertEqual(alice["mailbox"] as? String, "101")
        XCTAssertEqual(alice["capacityState"] as? String, "full")
        XCTAssertEqual(alice["capacity"] as? Int, 15)
        XCTAssertEqual(alice["capacityUsed"] as? Int, 15)
        XCTAssertNotNil(alice["oldestUnread"] as? String)
        XCTAssertNotNil(alice["newest"] as? String)
        let bob = try XCTUnwrap(rows.first { $0["mailbox"] as? String == "102" })
        XCTAssertEqual(bob["detailsMissing"] as? String, "PIN required")

        let table = try run(["overview"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("MAILBOX"), table.stdout)
        XCTAssertTrue(lines[1].hasPrefix("101") && lines[1].contains("15 of 15") && lines[1].contains("FULL"), table.stdout)
    }

    func testMailboxesAndListShowTheCapacity() throws {
        let boxes = try run(["mailboxes"])
        XCTAssertEqual(boxes.status, 0, boxes.stderr)
        let alice = try XCTUnwrap(boxes.stdout.split(separator: "\n").first { $0.hasPrefix("101") })
        XCTAssertTrue(alice.contains("15 of 15") && alice.contains("FULL"), boxes.stdout)
        // A pipe gets the table alone (the capacity line is for a terminal).
        let list = try run(["list"], token: "demo-101")
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertTrue(list.stdout.hasPrefix("    DATE"), list.stdout)
    }
}
