import DisplayText
import VoicemailModel
import XCTest

@testable import VMTUICLI

final class FormattingTests: XCTestCase {
    private let utc = TimeZone(identifier: "UTC")!

    private func message(_ id: String, name: String?, number: String, read: Bool = false, urgent: Bool = false, subject: String? = nil)
        -> VoicemailMessage
    {
        VoicemailMessage(
            id: id, mailbox: "101", folder: read ? .old : .inbox, read: read, urgent: urgent, callerName: name,
            callerNumber: number, date: Date(timeIntervalSince1970: 1_764_230_100), duration: 65, subject: subject)
    }

    func testMessageTableAlignsWideCharactersAndShowsMarkers() {
        let table = Tables.messages(
            [
                message("a1", name: "山田太郎", number: "+81 3", urgent: true),
                message("b2", name: "Bob", number: "102", read: true, subject: "Fwd: Dana"),
            ], timeZone: utc)
        let lines = table.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3)
        XCTAssertTrue(lines[1].hasPrefix("N!  2025-11-27 07:55  山田太郎 <+81 3>"), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("    2025-11-27 07:55  Bob <102>"), lines[2])
        XCTAssertTrue(lines[2].contains("Fwd"))
        XCTAssertTrue(lines[1].contains("1:05"))
        // Every ID column starts at the same display column.
        let idColumns = lines.map { line -> Int in
            let prefix = line.components(separatedBy: line.hasSuffix("ID") ? "ID" : (line.hasSuffix("a1") ? "a1" : "b2"))[0]
            return DisplayWidth.of(prefix)
        }
        XCTAssertEqual(Set(idColumns).count, 1, table)
    }

    func testHostileStringsAreStrippedFromTables() {
        let hostile = message("x\u{1B}[2Jy", name: "Eve\u{1B}]0;title\u{07}\u{1B}[31m Red", number: "1\n2")
        let table = Tables.messages([hostile], timeZone: utc) + Tables.messageDetail(hostile, timeZone: utc)
        XCTAssertFalse(table.contains("\u{1B}"))
        XCTAssertFalse(table.contains("\u{07}"))
        XCTAssertTrue(table.contains("Eve Red <1 2>"), table)
    }

    /// 8-bit CSI/OSC/DCS, line and paragraph separators, a BOM: what the CLI's former
    /// sanitiser let through to the terminal.
    func testEightBitControlsAreStrippedFromTables() {
        var hostile = message(
            "x\u{9B}2Jy", name: "Eve\u{9D}0;title\u{9C}\u{9B}31m Red\u{200F}", number: "1\u{2028}2",
            subject: "\u{FEFF}Fwd\u{90}q#0\u{9C}: Dana")
        hostile.transcription = "one\u{9B}2J\ntwo\u{9D}8;;http://evil\u{07} three"
        let shown = Tables.messages([hostile], timeZone: utc) + Tables.messageDetail(hostile, timeZone: utc)
        XCTAssertFalse(shown.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) || $0.value == 0x1B }, shown)
        XCTAssertFalse(shown.unicodeScalars.contains { [0x2028, 0xFEFF, 0x200F].contains($0.value) }, shown)
        XCTAssertTrue(shown.contains("Eve Red <1 2>"), shown)
        XCTAssertTrue(shown.contains("Fwd: Dana"), shown)
        XCTAssertTrue(shown.contains("one\ntwo three"), shown)
    }

    func testEmptyList() {
        XCTAssertEqual(Tables.messages([]), "No messages.")
    }

    func testMailboxAndGreetingTables() {
        let boxes = Tables.mailboxes([
            MailboxSummary(mailbox: "200", name: "Support", own: true, newCount: 1, oldCount: 2, total: 3, unread: 1, capacity: 100),
            MailboxSummary(mailbox: "101", name: "アリス", own: false, newCount: 10, oldCount: 0, total: 10, unread: 10, pinRequired: true),
        ])
        let lines = boxes.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[1].contains("3 of 100") && lines[1].hasSuffix("(own)"), boxes)
        XCTAssertTrue(lines[2].contains("yes"), boxes)
        let greetings = Tables.greetings([GreetingInfo(type: .busy, present: false), GreetingInfo(type: .name, present: true, duration: 3, format: .wav, size: 2048)])
        XCTAssertTrue(greetings.contains("PBX default"))
        XCTAssertTrue(greetings.contains("2.0 KiB"))
    }

    func testFolderChoices() {
        XCTAssertEqual(FolderChoice(argument: "all"), .all)
        XCTAssertEqual(FolderChoice(argument: "Work"), .one(.work))
        XCTAssertEqual(FolderChoice(argument: "new"), .one(.inbox))
        XCTAssertEqual(FolderChoice(argument: "4"), .one(.friends))
        XCTAssertNil(FolderChoice(argument: "5"))
        XCTAssertNil(FolderChoice(argument: "spam"))
    }

    func testPlayerClockPassesTheHourAsEveryLengthDoes() {
        XCTAssertEqual(StatusLine.clock(65.9), "1:05", "whole seconds elapsed")
        XCTAssertEqual(StatusLine.clock(3725), "1:02:05", "was 62:05")
    }

    func testFileNames() {
        XCTAssertEqual(FileNames.audio(id: "../../etc/passwd", format: .wav), "_.._etc_passwd.wav")
        XCTAssertEqual(FileNames.audio(id: "1764-07", format: .mp3), "1764-07.mp3")
    }

    func testExtensionListsAndExitCodes() {
        XCTAssertEqual(Extensions.parse("102*103"), ["102", "103"])
        XCTAssertEqual(Extensions.parse("102, 103 102"), ["102", "103"])
        XCTAssertNil(Extensions.parse("102*abc"))
        XCTAssertEqual(ExitStatus.code(for: .cannotConnect(endpoint: "x", reason: "y")), 3)
        XCTAssertEqual(ExitStatus.code(for: .unauthorized(reason: "")), 4)
        XCTAssertEqual(ExitStatus.code(for: .pinRequired(mailbox: nil)), 5)
        XCTAssertEqual(ExitStatus.code(for: .notFound(what: "", reason: "")), 6)
        XCTAssertEqual(ExitStatus.code(for: .mailboxFull(mailbox: nil, reason: "")), 7)
        XCTAssertEqual(ExitStatus.code(for: .serverError(status: 500, reason: "")), 8)
    }

    func testArgumentParsing() throws {
        let list = try VMTUICommand.parseAsRoot(["list", "--folder", "WORK", "--limit", "5", "--json", "--server", "http://h"])
        let parsed = try XCTUnwrap(list as? ListCommand)
        XCTAssertEqual(parsed.folder, .one(.work))
        XCTAssertEqual(parsed.limit, 5)
        XCTAssertTrue(parsed.json)
        XCTAssertEqual(parsed.global.server, "http://h")
        XCTAssertThrowsError(try VMTUICommand.parseAsRoot(["forward", "1", "--to", "10x"]))
        XCTAssertThrowsError(try VMTUICommand.parseAsRoot(["list", "--folder", "spam"]))
        XCTAssertThrowsError(try VMTUICommand.parseAsRoot(["list", "--auth", "kerberos"]))
        let move = try XCTUnwrap(try VMTUICommand.parseAsRoot(["move", "a", "b", "--to", "2"]) as? MoveCommand)
        XCTAssertEqual(move.ids, ["a", "b"])
        XCTAssertEqual(move.to, .work)
    }

    func testShowPrintsALongCallerNameWholeWhileTheTableBoundsIt() {
        let long = String(repeating: "Bartholomew ", count: 8).trimmingCharacters(in: .whitespaces)
        let detail = Tables.messageDetail(message("c3", name: long, number: "104"), timeZone: utc)
        XCTAssertTrue(detail.contains("\(long) <104>"), detail)
        let table = Tables.messages([message("c3", name: long, number: "104")], timeZone: utc)
        XCTAssertFalse(table.contains(long), table)
    }
}
