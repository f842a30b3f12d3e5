import AppCore
import Foundation
import XCTest

/// Whole-screen snapshots stored as text under Snapshots/: the characters, then the style
/// runs, then the cursor. `VMTUI_RECORD_SNAPSHOTS=1` rewrites them (review before committing).
func assertSnapshot(_ frame: Frame, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let cursor = frame.cursor.map { "cursor: \($0.x),\($0.y)" } ?? "cursor: hidden"
    let actual = frame.grid.text() + "\n--- styles ---\n" + frame.grid.styleRuns() + "\n" + cursor + "\n"
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["VMTUI_RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("No snapshot \(name).txt: run with VMTUI_RECORD_SNAPSHOTS=1 and review it", file: file, line: line)
        return
    }
    if expected != actual {
        XCTFail("Snapshot \(name) differs.\nExpected:\n\(expected)\nActual:\n\(actual)", file: file, line: line)
    }
}
