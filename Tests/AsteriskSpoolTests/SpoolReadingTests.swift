import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

final class SpoolReadingTests: XCTestCase {
    func testInboxUrgentAndCallerIDs() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let inbox = try await backend.list(.inbox)
        XCTAssertEqual(inbox.count, 3)
        let bob = try XCTUnwrap(inbox.first { $0.id == "1764230100-00000001" })
        XCTAssertEqual(bob.callerName, "Bob \"The Builder\" Smith")
        XCTAssertEqual(bob.callerNumber, "+4930123456")
        XCTAssertFalse(bob.read)
        XCTAssertFalse(bob.urgent)
        XCTAssertEqual(bob.date, Date(timeIntervalSince1970: 1_764_230_100))
        XCTAssertEqual(bob.duration, 1)
        // .wav is preferred over .WAV and .gsm: its size is reported.
        XCTAssertEqual(bob.size, try fixture.data("101", "INBOX/msg0000.wav").count)
        let unknown = try XCTUnwrap(inbox.first { $0.date == Date(timeIntervalSince1970: 1_764_240_100) })
        XCTAssertNil(unknown.callerName)
        XCTAssertEqual(unknown.callerNumber, "")
        XCTAssertEqual(inbox.first { $0.id == "1764250100-00000002" }?.callerNumber, "+33140000000")

        let urgent = try await backend.list(.urgent)
        XCTAssertEqual(urgent.map(\.id), ["1764260100-00000003"])
        XCTAssertTrue(urgent[0].urgent)
        XCTAssertFalse(urgent[0].read, "Urgent holds unread messages")

        let old = try await backend.list(.old)
        let readUrgent = try XCTUnwrap(old.first { $0.id == "1764160100-00000004" })
        XCTAssertTrue(readUrgent.urgent, "urgency comes from the flag")
        XCTAssertTrue(readUrgent.read, "unread comes from the folder")
        XCTAssertEqual(old.first { $0.id == "1764170100-00000005" }?.subject, "Fwd: from 102")

        let awaited1 = try await backend.list(.cust1).first?.callerName
        XCTAssertEqual(awaited1, "Back\\slash Ltd")
    }

    func testFilesWithoutMsgIDGetAStableIDThatSurvivesRenumbering() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let awaited2 = try await backend.list(.inbox).first { $0.id.hasPrefix("1764240100-") }
        let legacy = try XCTUnwrap(awaited2)
        XCTAssertTrue(legacy.id.hasPrefix("1764240100-"))
        let awaited3 = try await backend.message(id: legacy.id, mailbox: nil).id
        XCTAssertEqual(awaited3, legacy.id)
        // Its neighbour msg0000 goes: the file becomes msg0000, the id stays.
        _ = try await backend.delete(ids: ["1764230100-00000001"], mailbox: nil)
        XCTAssertEqual(IniFile(parsing: try fixture.text("101", "INBOX", 0)).value("origtime"), "1764240100")
        let awaited4 = try await backend.message(id: legacy.id, mailbox: nil).date
        XCTAssertEqual(awaited4, legacy.date)
        // And it moves with the message (the .txt travels verbatim).
        _ = try await backend.markRead(ids: [legacy.id], mailbox: nil)
        let awaited5 = try await backend.message(id: legacy.id, mailbox: nil).folder
        XCTAssertEqual(awaited5, .old)
    }

    /// VoicemailBoxSummary rewrites a .txt that lacks msg_id in place: a backend that has
    /// read the file before must see the new id, not a remembered one.
    func testATextRewrittenInPlaceIsReadAgain() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let before = try await backend.list(.inbox).map(\.id)
        XCTAssertTrue(before.contains { $0.hasPrefix("1764240100-") && $0 != "1764240100-0000abcd" })
        let file = fixture.folder("101", "INBOX").appendingPathComponent("msg0001.txt")
        let handle = try FileHandle(forUpdating: file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("msg_id=1764240100-0000abcd\n".utf8))
        try handle.close()
        let after = try await backend.list(.inbox).map(\.id)
        XCTAssertFalse(after.contains { $0.hasPrefix("legacy-") }, "\(after)")
        XCTAssertTrue(after.contains("1764240100-0000abcd"))
    }

    func testForwardedCopyKeepsItsMsgIDInEachMailbox() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let mine = try await backend.message(id: "1764170100-00000005", mailbox: nil)
        let theirs = try await backend.message(id: "1764170100-00000005", mailbox: "102")
        XCTAssertEqual(mine.mailbox, "101")
        XCTAssertEqual(theirs.mailbox, "102")
        XCTAssertEqual(theirs.folder, .inbox)
        XCTAssertNil(theirs.subject)
    }

    func testWorkFolderWithAGapAndTmpIsNoFolder() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let (work, total) = try await backend.allMessages(mailbox: nil, folder: .work, pageSize: 40)
        XCTAssertEqual(total, 99)
        XCTAssertEqual(Set(work.map(\.id)).count, 99)
        XCTAssertEqual(work.first?.callerName, "Caller 99", "newest first")
        let everything = try await backend.list(nil)
        XCTAssertEqual(everything.count, 3 + 1 + 2 + 1 + 99)
        XCTAssertFalse(everything.contains { $0.id == "1764290100-00000009" }, "a recording in tmp/ is not a message")
        let capabilities = try await backend.capabilities()
        XCTAssertEqual(capabilities.folders, Folder.allCases + [.cust1, .urgent])
        XCTAssertFalse(capabilities.has(.pins))
        XCTAssertTrue(capabilities.has(.markUnread) && capabilities.has(.move) && capabilities.has(.forward))
    }

    func testSearchSortAndPaging() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let query = MessageQuery(folder: .work, start: 10, count: 5, sort: .callerNumber, direction: .ascending, search: "caller 1")
        let awaited6 = try await backend.listMessages(query, ifNoneMatch: nil).value
        let page = try XCTUnwrap(awaited6)
        // "Caller 1", "Caller 10"…"Caller 19": 11 matches; the page is the 11th.
        XCTAssertEqual(page.total, 11)
        XCTAssertEqual(page.records.map(\.callerNumber), ["2019"])
    }

    func testMailboxesWhoAmIAndNames() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let awaited7 = try await backend.whoAmI()
        XCTAssertEqual(awaited7, AccountInfo(extension: "101", name: "Alice Martin"))
        let awaited8 = try await backend.mailboxes(ifNoneMatch: nil).value
        let boxes = try XCTUnwrap(awaited8)
        XCTAssertEqual(boxes.map(\.mailbox), ["101", "102", "103"])
        XCTAssertEqual(boxes.map(\.name), ["Alice Martin", "Bob Jones", "Charlie ; Co"])
        XCTAssertEqual(boxes[0].own, true)
        XCTAssertEqual(boxes[0].unread, 4, "INBOX and Urgent")
        XCTAssertEqual(boxes[0].total, 106)
        XCTAssertEqual(boxes[0].count(of: .work).total, 99)
        XCTAssertEqual(boxes[2].total, 0)
        XCTAssertFalse(boxes.contains { $0.pinRequired })
        // --mailbox opens another one; a mailbox listed nowhere is refused by name.
        let awaited9 = try await fixture.backend(mailbox: "102").list(.inbox).map(\.mailbox)
        XCTAssertEqual(awaited9, ["102"])
        let awaited10 = try await backend.list(.inbox, mailbox: "103")
        XCTAssertEqual(awaited10, [])
        do {
            _ = try await backend.list(.inbox, mailbox: "999")
            XCTFail("999 is no mailbox")
        } catch let error as VoicemailError {
            XCTAssertEqual(error.kind, .notFound)
            XCTAssertTrue(error.message.contains("no mailbox 999 in context default"), error.message)
        }
    }

    func testOpeningProblemsAreOneLine() throws {
        let fixture = try SpoolFixture()
        func message(_ configuration: SpoolConfiguration) -> String {
            do {
                _ = try AsteriskSpoolBackend(configuration)
                return "opened"
            } catch {
                return String(describing: error)
            }
        }
        XCTAssertTrue(message(SpoolConfiguration(root: fixture.root.appendingPathComponent("nope"), user: "101"))
            .contains("no such directory"))
        let noContext = message(SpoolConfiguration(root: fixture.root, context: "sales", user: "101"))
        XCTAssertTrue(noContext.contains("no context \"sales\" (contexts here: default); see --context"), noContext)
        XCTAssertTrue(message(SpoolConfiguration(root: fixture.root, user: "../102")).contains("not a mailbox name"))
        for text in [noContext] { XCTAssertFalse(text.contains("\n")) }
    }

    func testAudioFormsPlayableWAVComesOut() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let out = try TemporaryDirectory(prefix: "vmtui-spool-audio")
        let inbox = try await backend.list(.inbox)
        // .wav present: handed over byte for byte.
        let bob = try XCTUnwrap(inbox.first { $0.id == "1764230100-00000001" })
        let direct = out.appending("bob.wav")
        let result = try await backend.downloadAudio(of: bob, to: direct, atomically: true, progress: nil)
        XCTAssertEqual(try Data(contentsOf: direct), try fixture.data("101", "INBOX/msg0000.wav"))
        XCTAssertEqual(result.format, .wav)
        // Only .WAV (GSM in WAV, tag 0x31), only .gsm: converted by sox into PCM WAV.
        for (message, seconds) in [(inbox.first { $0.id.hasPrefix("1764240100-") }, 2.0), (inbox.first { $0.id == "1764250100-00000002" }, 1.0)] {
            let message = try XCTUnwrap(message)
            let file = out.appending("\(message.id).wav")
            try await backend.downloadAudio(of: message, to: file, atomically: false, progress: nil)
            let bytes = [UInt8](try Data(contentsOf: file))
            XCTAssertEqual(Array(bytes[0..<4]), Array("RIFF".utf8))
            XCTAssertEqual(bytes[20], 1, "PCM format tag")
            XCTAssertEqual(try SoxFixtures.soxDuration(file), seconds, accuracy: 0.05)
        }
    }
}
