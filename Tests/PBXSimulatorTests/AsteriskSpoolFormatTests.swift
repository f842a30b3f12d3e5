import AsteriskSpoolFormat
import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// pbx-sim's files are the ones Asterisk's app_voicemail writes (apps/app_voicemail.c).
final class AsteriskSpoolFormatTests: XCTestCase {
    func testMailboxesLiveUnderTheContextAndUrgentDepositsGoToUrgent() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-format")
        let store = try SpoolTestKit.store(directory.url)
        let plain = try await SpoolTestKit.deposit(store)
        let urgent = try await SpoolTestKit.deposit(store, SpoolTestKit.record(urgent: true))
        XCTAssertEqual(plain.folder, .inbox)
        XCTAssertEqual(urgent.folder, .urgent)
        let urgentText = directory.appending("default/101/Urgent/msg0000.txt")
        let ini = IniFile(parsing: try String(contentsOf: urgentText, encoding: .utf8))
        XCTAssertEqual(ini.value("flag"), "Urgent")
        XCTAssertTrue(DurableFiles.exists(directory.appending("default/101/INBOX/msg0000.wav")))
        XCTAssertFalse(urgent.api.read, "unread in Urgent")

        // Reading an urgent message files it in Old, still flagged.
        let read = try await store.update(mailbox: "101", id: urgent.id, read: true, folder: nil)
        XCTAssertEqual(read.folder, .old)
        XCTAssertTrue(read.api.urgent)
        XCTAssertTrue(read.api.read)
        let oldIni = IniFile(parsing: try String(contentsOf: directory.appending("default/101/Old/msg0000.txt"), encoding: .utf8))
        XCTAssertEqual(oldIni.value("flag"), "Urgent")
        XCTAssertEqual(oldIni.value("msg_id"), urgent.id)
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/Urgent")), [], "nothing left behind, no lock")
    }

    func testOrigdateMsgIDAndCallerIDHaveAsterisksShape() throws {
        // 7 Nov 2026 20:05:09 UTC: a one-digit day is padded with a space, 12-hour clock.
        XCTAssertEqual(AsteriskDate.format(Date(timeIntervalSince1970: 1_794_081_909)), "Sat Nov  7 08:05:09 PM UTC 2026")
        XCTAssertEqual(AsteriskDate.format(Date(timeIntervalSince1970: 1_795_305_600)), "Sun Nov 22 12:00:00 AM UTC 2026")
        let id = MessageID.make(at: Date(timeIntervalSince1970: 1_700_000_000))
        XCTAssertNotNil(id.range(of: "^1700000000-[0-9a-f]{8}$", options: .regularExpression), id)

        XCTAssertEqual(CallerIDText.render(CallerID(name: "Jane \"JD\" Doe\\", number: "555")), #""Jane \"JD\" Doe\\" <555>"#)
        XCTAssertEqual(CallerIDText.render(CallerID(name: nil, number: "")), "Unknown")
        XCTAssertEqual(CallerIDText.render(CallerID(name: nil, number: "5551234")), "5551234")
        XCTAssertEqual(CallerIDText.parse(#""Jane \"JD\" Doe\\" <555>"#), CallerID(name: "Jane \"JD\" Doe\\", number: "555"))
        XCTAssertEqual(CallerIDText.parse("Bob <102>"), CallerID(name: "Bob", number: "102"))
        XCTAssertEqual(CallerIDText.parse("+4930123"), CallerID(name: nil, number: "+4930123"))
    }

    /// ast_callerid_parse: a bare value is a number only when it looks like a phone number
    /// (and then in its shorter form); otherwise it is a name. `Unknown` is no caller id.
    func testABareCallerIDIsANumberOnlyWhenItLooksLikeOne() {
        XCTAssertEqual(CallerIDText.parse("anonymous"), CallerID(name: "anonymous", number: ""))
        XCTAssertEqual(CallerIDText.parse("Reception Desk"), CallerID(name: "Reception Desk", number: ""))
        XCTAssertEqual(CallerIDText.parse("+1 (202) 555-0100"), CallerID(name: nil, number: "+12025550100"))
        XCTAssertEqual(CallerIDText.parse("*97#"), CallerID(name: nil, number: "*97#"))
        XCTAssertEqual(CallerIDText.parse("555.0100 x12"), CallerID(name: "555.0100 x12", number: ""))
        XCTAssertEqual(CallerIDText.parse("()"), CallerID(name: "()", number: ""), "nothing left once shrunk: a name")
        XCTAssertEqual(CallerIDText.parse(#""5551234""#), CallerID(name: "5551234", number: ""), "quoted: a name")
        XCTAssertEqual(CallerIDText.parse("Unknown"), CallerID(name: nil, number: ""))
        XCTAssertEqual(CallerIDText.parse("unknown"), CallerID(name: nil, number: ""))
        XCTAssertEqual(CallerIDText.parse("<unknown>"), CallerID(name: nil, number: ""))

        // Written so that it reads back as it was: a name alone is bare, as Asterisk writes it;
        // a number that is not phone-shaped is bracketed so it stays a number.
        XCTAssertEqual(CallerIDText.render(CallerID(name: "anonymous", number: "")), "anonymous")
        XCTAssertEqual(CallerIDText.render(CallerID(name: nil, number: "anonymous")), #""" <anonymous>"#)
        XCTAssertEqual(CallerIDText.render(CallerID(name: nil, number: "+1 202 555 0100")), #""" <+1 202 555 0100>"#)
        XCTAssertEqual(CallerIDText.render(CallerID(name: "5551234", number: "")), #""5551234" <>"#)
        XCTAssertEqual(CallerIDText.render(CallerID(name: "Unknown", number: "")), #""Unknown" <>"#)
        for caller in [CallerID(name: nil, number: "anonymous"), CallerID(name: "anonymous", number: ""),
                       CallerID(name: "5551234", number: ""), CallerID(name: "Unknown", number: ""),
                       CallerID(name: nil, number: "+1 202 555 0100"), CallerID(name: nil, number: "unknown")] {
            XCTAssertEqual(CallerIDText.normalized(caller), caller, "\(caller)")
        }
    }

    /// Older pbx-sim files carry a `read` key; Asterisk has none. The folder alone decides, and
    /// the key is gone once the file is written again.
    func testAnOldReadKeyIsIgnoredAndDroppedOnTheNextWrite() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-readkey")
        try SpoolTestKit.writeMessage(
            directory.appending("default/101/Work"), 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-0000000a") + "read=no\n")
        try SpoolTestKit.writeMessage(
            directory.appending("default/101/INBOX"), 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-0000000b") + "read=yes\n")

        let store = try SpoolTestKit.store(directory.url)
        XCTAssertEqual(store.message(mailbox: "101", id: "1700000000-0000000a")?.api.read, true, "out of INBOX and Urgent is read")
        XCTAssertEqual(store.message(mailbox: "101", id: "1700000000-0000000b")?.api.read, false, "INBOX is unread")

        let moved = try await store.update(mailbox: "101", id: "1700000000-0000000a", read: nil, folder: .family)
        let text = try String(contentsOf: directory.appending("default/101/Family/msg0000.txt"), encoding: .utf8)
        XCTAssertTrue(moved.api.read)
        XCTAssertFalse(text.contains("read="), text)
        XCTAssertTrue(text.contains("msg_id=1700000000-0000000a"), text)
    }

    /// `1<2`, quotes, backslashes and control characters in a caller name or number come back
    /// the same after a restart as they were answered before it.
    func testCallerTextIsTheSameBeforeAndAfterARestart() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-callerid")
        let cases = [
            CallerID(name: "1<2", number: "1<2"),
            CallerID(name: "say \"hi\"", number: "\"5\""),
            CallerID(name: "back\\slash\\", number: "<9>"),
            CallerID(name: "tab\there\u{7}bell\nnewline", number: "55\r5"),
            CallerID(name: " padded ", number: " 123 "),
            CallerID(name: nil, number: "Unknown"),
            CallerID(name: nil, number: "anonymous"),
            CallerID(name: "anonymous", number: ""),
            CallerID(name: "", number: ""),
            CallerID(name: "only a name", number: ""),
        ]
        var before: [String: VoicemailMessage] = [:]
        do {
            let store = try SpoolTestKit.store(directory.url)
            for caller in cases {
                let stored = try await SpoolTestKit.deposit(store, SpoolTestKit.record(name: caller.name, number: caller.number))
                before[stored.id] = stored.api
                XCTAssertFalse((stored.api.callerName ?? "").unicodeScalars.contains { $0.value < 0x20 })
            }
        }
        let reopened = try SpoolTestKit.store(directory.url)
        let after = Dictionary(uniqueKeysWithValues: reopened.messages(in: "101").map { ($0.id, $0.api) })
        XCTAssertEqual(after, before)
        XCTAssertEqual(before.values.first { $0.callerNumber == "1<2" }?.callerName, "1<2")
        XCTAssertEqual(before.values.first { $0.callerNumber == "\"5\"" }?.callerName, "say \"hi\"")
    }

    func testAForwardKeepsTheMsgIDAndIdsAreUniquePerMailbox() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-forward")
        let store = try SpoolTestKit.store(directory.url)
        let original = try await SpoolTestKit.deposit(store, SpoolTestKit.record(urgent: true))
        let copies = try await store.forward(original.key, to: ["102", "103"], label: "Fwd: Caller")
        XCTAssertEqual(copies.map(\.id), [original.id, original.id], "Asterisk's copy keeps msg_id")
        let copy = try XCTUnwrap(store.message(mailbox: "102", id: original.id))
        XCTAssertEqual(copy.folder, .inbox, "a forwarded urgent message lands in INBOX")
        XCTAssertTrue(copy.api.urgent, "still flagged")
        let copyText = try String(contentsOf: directory.appending("default/102/INBOX/msg0000.txt"), encoding: .utf8)
        let originalText = try String(contentsOf: directory.appending("default/101/Urgent/msg0000.txt"), encoding: .utf8)
        for key in ["origmailbox", "callerid", "origtime", "origdate", "msg_id", "flag", "duration"] {
            XCTAssertEqual(IniFile(parsing: copyText).value(key), IniFile(parsing: originalText).value(key), key)
        }
        // Lookups are per mailbox: deleting the copy leaves the original.
        _ = try await store.delete([copy.key])
        XCTAssertNil(store.message(mailbox: "102", id: original.id))
        XCTAssertNotNil(store.message(mailbox: "101", id: original.id))
        XCTAssertNotNil(store.message(mailbox: "103", id: original.id))
        // Forwarded back into a mailbox that has the id: the copy gets its own.
        let back = try await store.forward(MessageKey(mailbox: "103", id: original.id), to: ["101"], label: "Fwd: Caller")
        XCTAssertNotEqual(back[0].id, original.id)
        XCTAssertEqual(Set(store.messages(in: "101").map(\.id)).count, 2)
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/102/tmp")), [], "staging emptied")
    }

    func testAnOldDataDirectoryMovesUnderTheContextAndKeepsEverything() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-legacy")
        let inbox = directory.appending("101/INBOX")
        try SpoolTestKit.writeMessage(inbox, 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-0000000a"))
        try SpoolTestKit.writeMessage(inbox, 1, text: SpoolTestKit.asteriskText(msgID: "1700000001-0000000b"))
        try Data("greeting".utf8).write(to: directory.appending("101/unavail.wav"))
        let store = try SpoolTestKit.store(directory.url)
        XCTAssertFalse(DurableFiles.exists(directory.appending("101")))
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/INBOX")), ["msg0000.txt", "msg0000.wav", "msg0001.txt", "msg0001.wav"])
        XCTAssertEqual(store.messages(in: "101").map(\.id), ["1700000000-0000000a", "1700000001-0000000b"])
        XCTAssertNotNil(store.greetingFile("101", .unavailable))
    }

    func testSpoolAndUsersFileArePrivateAndExistingOnesAreFixed() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-modes")
        try SpoolTestKit.writeUsers(directory.url)
        chmod(directory.appending("users.json").path, 0o644)
        try SpoolTestKit.writeMessage(directory.appending("default/102/INBOX"), 0, text: SpoolTestKit.asteriskText(mailbox: "102"))
        for path in ["default", "default/102", "default/102/INBOX"] { chmod(directory.appending(path).path, 0o755) }
        chmod(directory.appending("default/102/INBOX/msg0000.txt").path, 0o644)
        let simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url))
        await simulator.stop()
        let store = try SpoolTestKit.store(directory.url)
        try await SpoolTestKit.deposit(store)
        for path in ["users.json", "default/102/INBOX/msg0000.txt", "default/102/INBOX/msg0000.wav",
                     "default/101/INBOX/msg0000.txt", "default/101/INBOX/msg0000.wav"] {
            XCTAssertEqual(SpoolTestKit.mode(directory.appending(path)), 0o600, path)
        }
        for path in ["", "default", "default/102", "default/102/INBOX", "default/101", "default/101/INBOX", "default/101/tmp"] {
            XCTAssertEqual(SpoolTestKit.mode(directory.appending(path)), 0o700, path)
        }
    }

    func testTmpIsNotAFolderAndAllAudioFormsStayTogether() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-forms")
        let inbox = directory.appending("default/101/INBOX")
        let pcm = TestAudio.wav(seconds: 2)
        try SpoolTestKit.writeMessage(inbox, 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-00000001"),
                                      audio: ["WAV": Data("RIFF-gsm-in-wav".utf8), "gsm": Data(count: 330), "wav": pcm])
        try SpoolTestKit.writeMessage(inbox, 1, text: SpoolTestKit.asteriskText(msgID: "1700000001-00000002"),
                                      audio: ["WAV": Data("RIFF-gsm-in-wav".utf8), "gsm": Data(count: 330), "wav": pcm])
        try SpoolTestKit.writeMessage(directory.appending("default/101/tmp"), 0, text: SpoolTestKit.asteriskText(msgID: "1-recording"))
        let store = try SpoolTestKit.store(directory.url)
        XCTAssertEqual(Set(store.messages(in: "101").map(\.folder)), [.inbox])
        let first = try XCTUnwrap(store.message(mailbox: "101", id: "1700000000-00000001"))
        XCTAssertEqual(first.audioExtensions, ["wav", "WAV", "gsm"])
        XCTAssertEqual(first.size, pcm.count, "the .wav is what is served")
        let opened = try await store.openAudio(mailbox: "101", id: first.id)
        XCTAssertEqual(try opened.handle.readToEnd(), pcm)
        // Deleting msg0000 moves every form of msg0001 down.
        _ = try await store.delete([first.key])
        XCTAssertEqual(SpoolTestKit.names(inbox), ["msg0000.WAV", "msg0000.gsm", "msg0000.txt", "msg0000.wav"])
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/tmp")), ["msg0000.txt", "msg0000.wav"], "tmp untouched")
    }

    func testTheStableAudioAddressNamesTheMessageNotItsPosition() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-stable")
        let store = try SpoolTestKit.store(directory.url)
        let first = try await SpoolTestKit.deposit(store, SpoolTestKit.record(seconds: 1))
        let second = try await SpoolTestKit.deposit(store, SpoolTestKit.record(seconds: 3))
        let path = SpoolLayout.stableAudioPath(context: "default", mailbox: "101", id: second.id, format: .wav)
        XCTAssertEqual(path, "/spoolview/voicemail/default/101/msg\(second.id).wav")
        let parsed = try XCTUnwrap(SpoolLayout.parseStableAudioName("msg\(second.id).wav"))
        XCTAssertEqual(parsed.id, second.id)
        _ = try await store.delete([first.key])  // second is now msg0000
        let opened = try await store.openAudio(mailbox: "101", id: parsed.id)
        XCTAssertEqual(try opened.handle.readToEnd(), TestAudio.wav(seconds: 3))
        XCTAssertNil(SpoolLayout.parseStableAudioName("msg..wav"))
        XCTAssertNil(SpoolLayout.parseStableAudioName("msg0001/../x.wav"))
    }

    func testUploadsAreTakenOnlyFromTheStagingArea() async throws {
        let directory = try TemporaryDirectory(prefix: "spool-staging")
        let store = try SpoolTestKit.store(directory.url)
        let staging = try store.uploadStagingDirectory(for: "101")
        XCTAssertEqual(staging.standardizedFileURL.path, directory.appending("default/101/tmp").standardizedFileURL.path)
        let outside = directory.appending("elsewhere.wav")
        try TestAudio.wav(seconds: 1).write(to: outside)
        do {
            _ = try await store.deposit(into: "101", audioFile: outside, record: SpoolTestKit.record())
            XCTFail("a file outside the staging area was taken")
        } catch let error as StoreError {
            guard case .badRequest = error else { return XCTFail("\(error)") }
        }
        XCTAssertTrue(DurableFiles.exists(outside))
        let staged = try store.stageUpload(TestAudio.wav(seconds: 1), for: "101")
        let stored = try await store.deposit(into: "101", audioFile: staged, record: SpoolTestKit.record())
        XCTAssertFalse(DurableFiles.exists(staged), "renamed into place, not copied")
        XCTAssertEqual(stored.number, 0)
        let greeting = try store.stageUpload(TestAudio.wav(seconds: 2), for: "101")
        try await store.setGreeting("101", .busy, audioFile: greeting, format: .wav)
        XCTAssertEqual(try Data(contentsOf: directory.appending("default/101/busy.wav")), TestAudio.wav(seconds: 2))
    }
}
