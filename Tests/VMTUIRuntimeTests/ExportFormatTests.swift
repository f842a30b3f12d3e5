import Foundation
import VoicemailModel
import XCTest

@testable import VMTUIRuntime

/// Export's file names, CSV and JSON (issue 20.2).
final class ExportFormatTests: XCTestCase {
    private func message(id: String = "1700000000-abc", name: String? = "Alice Martin", number: String = "+49 30 1234") -> VoicemailMessage {
        VoicemailMessage(
            id: id, mailbox: "101", folder: .inbox, callerName: name, callerNumber: number,
            date: Date(timeIntervalSince1970: 1_764_000_000), duration: 12, format: .mp3, size: 10)
    }

    override func setUp() {
        setenv("TZ", "Europe/Berlin", 1)
        tzset()
    }

    func testNamesAreDateTimeCallerIdInSafeCharacters() {
        // 2025-11-24 16:00 UTC is 17:00 in Berlin.
        XCTAssertEqual(ExportNames.file(for: message()), "2025-11-24_1700_Alice_Martin_1700000000-abc.mp3")
        XCTAssertEqual(ExportNames.file(for: message(name: "山田太郎", number: "+81 3 5555")), "2025-11-24_1700_81_3_5555_1700000000-abc.mp3",
                       "a name without safe letters gives way to the number")
        XCTAssertEqual(ExportNames.file(for: message(name: nil, number: "")), "2025-11-24_1700_unknown_1700000000-abc.mp3")
        let hostile = ExportNames.file(for: message(id: "../../etc/passwd", name: ".hidden/../x:y*z?"))
        XCTAssertTrue(hostile.hasPrefix("2025-11-24_1700_hidden_x_y_z_etc_passwd-"), hostile)
        XCTAssertTrue(hostile.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }, hostile)
        XCTAssertNotEqual(ExportNames.file(for: message(id: "a/b")), ExportNames.file(for: message(id: "a:b")),
                          "ids differing only in unsafe characters get different files")
        let long = ExportNames.file(for: message(id: String(repeating: "9", count: 500), name: String(repeating: "N", count: 500)))
        XCTAssertLessThanOrEqual(long.utf8.count, 200)
    }

    func testCSVQuotesByRFC4180AndGuardsFormulas() {
        XCTAssertEqual(CSV.line(["plain", "with,comma", "say \"hi\"", "two\nlines"]), "plain,\"with,comma\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
        XCTAssertEqual(CSV.cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSV.cell("+49 30 1234"), "'+49 30 1234")
        XCTAssertEqual(CSV.cell("-2+3"), "'-2+3")
        XCTAssertEqual(CSV.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.cell("102"), "102")
        XCTAssertEqual(CSV.cell(""), "")
    }

    func testJSONEntryHasEveryKeyInOrderWithTheOffset() throws {
        var source = message()
        source.transcription = "Line \"one\"\nline\ttwo \u{1}"
        let entry = ExportEntry(source, file: "f.mp3")
        XCTAssertEqual(entry.date, "2025-11-24T17:00:00+01:00")
        let text = entry.jsonObject
        XCTAssertTrue(text.hasPrefix("{\"id\":\"1700000000-abc\",\"mailbox\":\"101\",\"folder\":\"INBOX\",\"date\":"), text)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(parsed["transcription"] as? String, source.transcription)
        XCTAssertEqual(parsed["callerName"] as? String, "Alice Martin")
        XCTAssertEqual(parsed["duration"] as? Int, 12)
        source.callerName = nil
        source.transcription = nil
        let bare = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ExportEntry(source, file: "f").jsonObject.utf8)) as? [String: Any])
        XCTAssertTrue(bare["callerName"] is NSNull)
        XCTAssertTrue(bare["transcription"] is NSNull)
    }

    func testOnlyExportTemporariesCountAsLeftovers() {
        XCTAssertTrue(ExportNames.isTemporary(".2025-11-24_1700_Alice_1.wav.part-1a2b3c4d"))
        XCTAssertTrue(ExportNames.isTemporary(".2025-11-24_1700_Alice_1.wav.vmtui-1a2b3c4d"))
        XCTAssertTrue(ExportNames.isTemporary(".index.csv.partial"))
        XCTAssertFalse(ExportNames.isTemporary(".bashrc"))
        XCTAssertFalse(ExportNames.isTemporary("2025-11-24_1700_Alice_1.wav"))
        XCTAssertFalse(ExportNames.isTemporary(".notes.part-1"))
    }
}
