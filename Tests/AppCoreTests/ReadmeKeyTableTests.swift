import AppCore
import Foundation
import XCTest

/// The README's key table is generated from the binding table; this fails when they differ.
final class ReadmeKeyTableTests: XCTestCase {
    func testReadmeKeyTableMatchesTheBindingTable() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = "<!-- key table: generated from BindingTable.markdownKeyTable() -->\n"
        let end = "<!-- end of key table -->"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return XCTFail("README.md has no generated key table") }
        let table = String(text[start.upperBound..<stop.lowerBound])
        // VMTUI_UPDATE_README=1 rewrites the table, as recording does for snapshots.
        if ProcessInfo.processInfo.environment["VMTUI_UPDATE_README"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<stop.lowerBound, with: BindingTable.markdownKeyTable())
            try updated.write(to: readme, atomically: true, encoding: .utf8)
            return
        }
        XCTAssertEqual(table, BindingTable.markdownKeyTable(),
                       "README.md's key table differs; paste BindingTable.markdownKeyTable() between the markers")
    }

    func testTableNamesGreetingsAndDetailsKeys() {
        let table = BindingTable.markdownKeyTable()
        XCTAssertTrue(table.contains("| `G` | mailbox | Greetings"), table)
        XCTAssertTrue(table.contains("| `i` | mailbox | Show or hide details"), table)
    }
}
