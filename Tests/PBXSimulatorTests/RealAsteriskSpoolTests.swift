import AsteriskSpoolFormat
import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// pbx-sim serves a spool as a real Asterisk leaves it, built here by hand from the facts of
/// apps/app_voicemail.c: context `from-internal`-style keys, several audio forms per message,
/// files without msg_id (before Asterisk 11), Urgent and Cust1, a forwarded copy with the same
/// msg_id in another mailbox, Asterisk's own `tmp/`, greetings in three forms, and a folder of
/// msg0000–msg0099 with a gap that is closed as Asterisk's resequencing does.
final class RealAsteriskSpoolTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let pcm = TestAudio.wav(seconds: 2)

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "real-spool")
        let box = directory.appending("default/101")
        let forms = ["WAV": Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt \u{14}\u{0}\u{0}\u{0}\u{31}\u{0}".utf8), "gsm": Data(count: 330), "wav": pcm]
        // INBOX: all three forms; one without msg_id; one with a bare number and no name.
        try SpoolTestKit.writeMessage(directory.appending("default/101/INBOX"), 0,
            text: SpoolTestKit.asteriskText(callerID: #""O'Brien \"Ob\"" <+353 1 555>"#, origtime: 1_700_000_100, msgID: "1700000100-0000abcd"), audio: forms)
        try SpoolTestKit.writeMessage(directory.appending("default/101/INBOX"), 1,
            text: SpoolTestKit.asteriskText(callerID: "Unknown", origtime: 1_600_000_000, msgID: nil), audio: ["WAV": forms["WAV"]!, "gsm": forms["gsm"]!])
        try SpoolTestKit.writeMessage(directory.appending("default/101/INBOX"), 2,
            text: SpoolTestKit.asteriskText(callerID: "5551234", origtime: 1_700_000_200, msgID: "1700000200-0000beef"))
        // Urgent and Cust1.
        try SpoolTestKit.writeMessage(directory.appending("default/101/Urgent"), 0,
            text: SpoolTestKit.asteriskText(origtime: 1_700_000_300, msgID: "1700000300-00000ur9", flag: "Urgent"))
        try SpoolTestKit.writeMessage(directory.appending("default/101/Cust1"), 0,
            text: SpoolTestKit.asteriskText(origtime: 1_700_000_400, msgID: "1700000400-0000c001"))
        // 102 has a forwarded copy of 101's first message: same msg_id, flagged urgent, in INBOX.
        try SpoolTestKit.writeMessage(directory.appending("default/102/INBOX"), 0,
            text: SpoolTestKit.asteriskText(callerID: #""O'Brien \"Ob\"" <+353 1 555>"#, origtime: 1_700_000_100, msgID: "1700000100-0000abcd", flag: "Urgent"))
        // Old: msg0000–msg0099 with msg0042 missing (a crash or another tool).
        for number in 0..<100 where number != 42 {
            try SpoolTestKit.writeMessage(directory.appending("default/101/Old"), number,
                text: SpoolTestKit.asteriskText(origtime: 1_600_000_000 + number, msgID: "1600000000-\(MessageID.hex8(UInt32(number)))"),
                audio: ["gsm": Data(count: 33), "wav": TestAudio.wav(seconds: 1)])
        }
        // Asterisk's recording in progress and its greetings.
        try SpoolTestKit.writeMessage(directory.appending("default/101/tmp"), 0, text: SpoolTestKit.asteriskText(msgID: "1-inprogress"))
        for ext in ["WAV", "gsm", "wav"] {
            try Data("unavail-\(ext)".utf8).write(to: box.appendingPathComponent("unavail.\(ext)"))
        }
        try Data("temp-greeting".utf8).write(to: box.appendingPathComponent("temp.wav"))
        try Data("name-greeting".utf8).write(to: box.appendingPathComponent("greet.WAV"))
    }

    override func tearDown() {
        directory.remove()
    }

    func testTheStoreOpensARealSpoolAndClosesTheGapLikeAsterisk() async throws {
        let store = try SpoolTestKit.store(directory.url)
        let messages = store.messages(in: "101")
        XCTAssertEqual(messages.count, 3 + 1 + 1 + 99)
        XCTAssertEqual(Set(messages.map(\.folder)), [.inbox, .old, .urgent, .cust1])

        // The gap is closed: msg0043… moved down, each keeping its own id and audio forms.
        let old = SpoolTestKit.names(directory.appending("default/101/Old")).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(old, (0..<99).map { SpoolLayout.baseName($0) + ".txt" })
        let moved = try XCTUnwrap(store.message(mailbox: "101", id: "1600000000-\(MessageID.hex8(43))"))
        XCTAssertEqual(moved.number, 42)
        XCTAssertEqual(moved.audioExtensions, ["wav", "gsm"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appending("default/101/Old/msg0042.gsm").path))
        XCTAssertTrue(moved.api.read, "no read flag anywhere in Asterisk: outside INBOX and Urgent is read")

        // Several forms: .wav is served; the text keeps Asterisk's escapes.
        let first = try XCTUnwrap(store.message(mailbox: "101", id: "1700000100-0000abcd"))
        XCTAssertEqual(first.audioExtensions, ["wav", "WAV", "gsm"])
        XCTAssertEqual(first.api.callerName, "O'Brien \"Ob\"")
        XCTAssertEqual(first.api.callerNumber, "+353 1 555")
        XCTAssertFalse(first.api.read)
        XCTAssertEqual(first.api.format, .wav)
        XCTAssertEqual(first.size, pcm.count)

        // No msg_id: a stable id of our own, the same on every start.
        let legacy = try XCTUnwrap(messages.first { $0.record.originTime == Date(timeIntervalSince1970: 1_600_000_000) && $0.folder == .inbox })
        XCTAssertTrue(legacy.id.hasPrefix("1600000000-"), legacy.id)
        XCTAssertEqual(legacy.api.callerNumber, "", "Unknown is no caller id")
        XCTAssertNil(legacy.api.callerName)
        XCTAssertEqual(legacy.servedExtension, "WAV", "GSM in WAV when there is no PCM form")
        XCTAssertEqual(try SpoolTestKit.store(directory.url).message(mailbox: "101", id: legacy.id)?.number, 1)

        // Urgent is unread and urgent; Cust1 is read.
        let urgent = try XCTUnwrap(messages.first { $0.folder == .urgent })
        XCTAssertTrue(urgent.api.urgent)
        XCTAssertFalse(urgent.api.read)
        XCTAssertTrue(try XCTUnwrap(messages.first { $0.folder == .cust1 }).api.read)

        // The forwarded copy is 102's own message with the same id.
        let copy = try XCTUnwrap(store.message(mailbox: "102", id: "1700000100-0000abcd"))
        XCTAssertTrue(copy.api.urgent)
        XCTAssertEqual(copy.folder, .inbox)

        // tmp/ is not a folder and is left alone; greetings are found, .wav preferred.
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/tmp")), ["msg0000.txt", "msg0000.wav"])
        XCTAssertEqual(try Data(contentsOf: try XCTUnwrap(store.greetingFile("101", .unavailable)).url), Data("unavail-wav".utf8))
        XCTAssertEqual(try Data(contentsOf: try XCTUnwrap(store.greetingFile("101", .name)).url), Data("name-greeting".utf8))
        XCTAssertEqual(try Data(contentsOf: try XCTUnwrap(store.temporaryGreetingFile("101")).url), Data("temp-greeting".utf8))
    }

    func testChangesOnARealSpoolAreAsterisksChanges() async throws {
        let store = try SpoolTestKit.store(directory.url)
        let legacy = try XCTUnwrap(store.message(mailbox: "101", folder: .inbox, number: 1))
        // Deleting msg0000 moves every form of the others down, with Asterisk's lock taken and gone.
        _ = try await store.delete([MessageKey(mailbox: "101", id: "1700000100-0000abcd")])
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/INBOX")),
                       ["msg0000.WAV", "msg0000.gsm", "msg0000.txt", "msg0001.txt", "msg0001.wav"])
        XCTAssertNotNil(store.message(mailbox: "102", id: "1700000100-0000abcd"), "the copy in 102 stays")
        // Reading the file without msg_id moves it to Old and writes its id in, as Asterisk 11+ would.
        let read = try await store.update(mailbox: "101", id: legacy.id, read: true, folder: nil)
        XCTAssertEqual(read.folder, .old)
        XCTAssertEqual(read.number, 99)
        let text = try String(contentsOf: directory.appending("default/101/Old/msg0099.txt"), encoding: .utf8)
        XCTAssertEqual(IniFile(parsing: text).value("msg_id"), legacy.id)
        XCTAssertEqual(IniFile(parsing: text).value("callerid"), "Unknown")
        XCTAssertEqual(IniFile(parsing: text).value("context"), "from-internal", "Asterisk's keys kept")
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/Old")).filter { $0.hasPrefix("msg0099") },
                       ["msg0099.WAV", "msg0099.gsm", "msg0099.txt"])
        let reopened = try SpoolTestKit.store(directory.url)
        XCTAssertEqual(reopened.message(mailbox: "101", id: legacy.id)?.folder, .old, "same id after a restart")
        XCTAssertFalse(SpoolTestKit.names(directory.appending("default/101/INBOX")).contains(".lock"))
        XCTAssertFalse(SpoolTestKit.names(directory.appending("default/101/Old")).contains(".lock"))
    }

    func testPbxSimServesTheRealSpoolOverHTTP() async throws {
        try SpoolTestKit.writeUsers(directory.url)
        let simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url))
        addTeardownBlock { await simulator.stop() }
        let http = HTTPTestClient(baseURL: simulator.baseURL)
        let list = try await http.get("/api/v1/VoiceMail?count=1000")
        XCTAssertEqual(list.result["total"] as? String, "104")
        let folders = Set(list.records.compactMap { $0["folder"] as? String })
        XCTAssertEqual(folders, ["INBOX", "Old", "Urgent", "Cust1"])
        // The id that 101 and 102 share answers each one's own copy.
        let mine = try await http.get("/api/v1/VoiceMail/1700000100-0000abcd")
        XCTAssertEqual(mine.result["mailbox"] as? String, "101")
        let bobs = try await http.get("/api/v1/VoiceMail/1700000100-0000abcd", auth: .bearer("demo-102"))
        XCTAssertEqual(bobs.result["mailbox"] as? String, "102")
        let redirect = try await http.get("/api/v1/VoiceMail/1700000100-0000abcd/file")
        let audio = try await http.get(try XCTUnwrap(redirect.header("Location")))
        XCTAssertEqual(audio.body, pcm)
    }
}
