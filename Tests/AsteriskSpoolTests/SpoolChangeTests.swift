import AsteriskSpool
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Every change checked on disk afterwards: where the files went, numbering contiguous from
/// 0000, nothing lost, no lock left behind.
final class SpoolChangeTests: XCTestCase {
    private func assertTidy(_ fixture: SpoolFixture, _ mailbox: String, _ folders: [String], file: StaticString = #filePath, line: UInt = #line) {
        for folder in folders {
            let numbers = fixture.numbers(mailbox, folder)
            XCTAssertEqual(numbers, Array(0..<numbers.count), "\(folder) numbered from 0000 without gaps", file: file, line: line)
            let stray = fixture.names(mailbox, folder).filter { $0.hasPrefix(".") }
            XCTAssertEqual(stray, [], "\(folder): no lock or temporary file left", file: file, line: line)
        }
    }

    func testMarkReadMovesToOldAndRenumbersInbox() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let audio = try fixture.data("101", "INBOX/msg0000.WAV")
        let text = try fixture.text("101", "INBOX", 0)
        let changed = try await backend.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        XCTAssertEqual(changed.map(\.folder), [.old])
        XCTAssertEqual(changed.map(\.read), [true])
        XCTAssertEqual(fixture.numbers("101", "INBOX"), [0, 1])
        XCTAssertEqual(try fixture.msgIDs("101", "Old"), ["1764160100-00000004", "1764170100-00000005", "1764230100-00000001"])
        // All three audio forms and the .txt went along, unchanged.
        XCTAssertEqual(fixture.names("101", "Old").filter { $0.hasPrefix("msg0002") }, ["msg0002.WAV", "msg0002.gsm", "msg0002.txt", "msg0002.wav"])
        XCTAssertEqual(try fixture.data("101", "Old/msg0002.WAV"), audio)
        XCTAssertEqual(try fixture.text("101", "Old", 2), text)
        // The former msg0001 (no msg_id) is msg0000 now, its audio with it.
        XCTAssertEqual(fixture.names("101", "INBOX").filter { $0.hasPrefix("msg0000") }, ["msg0000.WAV", "msg0000.txt"])
        XCTAssertEqual(fixture.names("101", "INBOX").filter { $0.hasPrefix("msg0001") }, ["msg0001.gsm", "msg0001.txt"])
        assertTidy(fixture, "101", ["INBOX", "Old"])
    }

    func testReadingAnUrgentMessageKeepsItsFlagAndUnreadPutsItInInbox() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let read = try await backend.markRead(ids: ["1764260100-00000003"], mailbox: nil)
        XCTAssertEqual(read.map(\.folder), [.old])
        XCTAssertEqual(read.map(\.urgent), [true])
        XCTAssertEqual(fixture.numbers("101", "Urgent"), [])
        XCTAssertTrue(try fixture.text("101", "Old", 2).contains("flag=Urgent\n"))
        let unread = try await backend.markUnread(ids: ["1764260100-00000003", "1764160100-00000004"], mailbox: nil)
        XCTAssertEqual(unread.map(\.folder), [.inbox, .inbox])
        XCTAssertEqual(unread.map(\.read), [false, false])
        XCTAssertEqual(try fixture.msgIDs("101", "INBOX").suffix(2).sorted(), ["1764160100-00000004", "1764260100-00000003"])
        XCTAssertEqual(try fixture.msgIDs("101", "Old"), ["1764170100-00000005"])
        // Already unread: nothing moves.
        let again = try await backend.markUnread(ids: ["1764230100-00000001"], mailbox: nil)
        XCTAssertEqual(again.map(\.folder), [.inbox])
        assertTidy(fixture, "101", ["INBOX", "Old", "Urgent"])
    }

    func testMoveOutOfAFolderWithAGapRenumbersContiguously() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let before = try fixture.msgIDs("101", "Work")
        XCTAssertEqual(fixture.numbers("101", "Work").count, 99)
        // msg0010 and msg0080 (ids by origtime), into Cust1 and then a fresh Cust3.
        let ids = [before[10], before[79]]
        let moved = try await backend.move(ids: ids, to: .cust1, mailbox: nil)
        XCTAssertEqual(moved.map(\.folder), [.cust1, .cust1])
        XCTAssertEqual(fixture.numbers("101", "Work"), Array(0..<97))
        XCTAssertEqual(try fixture.msgIDs("101", "Work"), before.filter { !ids.contains($0) })
        XCTAssertEqual(try fixture.msgIDs("101", "Cust1"), ["1764180100-00000006"] + ids)
        XCTAssertEqual(fixture.names("101", "Work").filter { $0.hasSuffix(".gsm") }.count, 97)
        _ = try await backend.move(ids: [ids[0]], to: .cust3, mailbox: nil)
        XCTAssertEqual(try fixture.msgIDs("101", "Cust3"), [ids[0]])
        let awaited1 = try await backend.capabilities().folders.contains(.cust3)
        XCTAssertTrue(awaited1)
        assertTidy(fixture, "101", ["Work", "Cust1", "Cust3"])
        do {
            _ = try await backend.move(ids: [ids[0]], to: Folder(rawValue: "Archive")!, mailbox: nil)
            XCTFail("Asterisk has no Archive folder")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.contains("Asterisk has no folder Archive"), error.message)
        }
    }

    func testDeleteRemovesEveryFormAndRenumbers() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let gone = try await backend.delete(ids: ["1764230100-00000001", "1764250100-00000002", "1764180100-00000006"], mailbox: nil)
        XCTAssertEqual(gone.count, 3)
        XCTAssertEqual(fixture.names("101", "INBOX"), ["msg0000.WAV", "msg0000.txt"])
        XCTAssertEqual(fixture.names("101", "Cust1"), [])
        let awaited2 = try await backend.list(.inbox).count
        XCTAssertEqual(awaited2, 1)
        assertTidy(fixture, "101", ["INBOX", "Cust1"])
        do {
            _ = try await backend.delete(ids: ["1764230100-00000001"], mailbox: nil)
            XCTFail("already deleted")
        } catch let error as VoicemailError {
            XCTAssertEqual(error.kind, .notFound)
        }
    }

    func testForwardCopiesTheTextVerbatimIntoEachInbox() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let urgentText = try fixture.text("101", "Urgent", 0)
        let copies = try await backend.forward(id: "1764260100-00000003", to: ["102", "103"], mailbox: nil)
        XCTAssertEqual(copies, [ForwardedCopy(mailbox: "102", id: "1764260100-00000003"), ForwardedCopy(mailbox: "103", id: "1764260100-00000003")])
        // 102 had msg0000; the copy is msg0001. 103 had no folder at all.
        XCTAssertEqual(try fixture.text("102", "INBOX", 1), urgentText)
        XCTAssertEqual(try fixture.text("103", "INBOX", 0), urgentText)
        XCTAssertEqual(try fixture.data("102", "INBOX/msg0001.wav"), try fixture.data("101", "Urgent/msg0000.wav"))
        let copy = try await backend.message(id: "1764260100-00000003", mailbox: "102")
        XCTAssertEqual(copy.folder, .inbox, "a forward lands in INBOX")
        XCTAssertTrue(copy.urgent, "still flagged")
        XCTAssertEqual(fixture.numbers("101", "Urgent"), [0], "the original stays")
        // Not a hard link: the copy is its own file.
        var a = stat(), b = stat()
        stat(fixture.folder("101", "Urgent").appendingPathComponent("msg0000.wav").path, &a)
        stat(fixture.folder("102", "INBOX").appendingPathComponent("msg0001.wav").path, &b)
        XCTAssertNotEqual(a.st_ino, b.st_ino)
        assertTidy(fixture, "102", ["INBOX"])
        assertTidy(fixture, "103", ["INBOX"])
    }

    func testForwardToUnknownExtensionCopiesNothing() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        do {
            _ = try await backend.forward(id: "1764230100-00000001", to: ["102", "999"], mailbox: nil)
            XCTFail("999 does not exist")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.contains("no extension 999"), error.message)
        }
        XCTAssertEqual(fixture.numbers("102", "INBOX"), [0])
    }

    func testForwardingToOwnMailboxGivesTheCopyItsOwnID() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let copies = try await backend.forward(id: "1764230100-00000001", to: ["101"], mailbox: nil)
        XCTAssertEqual(copies.map(\.id), ["1764230100-00000001~2"])
        let ids = try await backend.list(nil).map(\.id)
        XCTAssertEqual(ids.count, Set(ids).count, "ids are unique within a mailbox")
    }

    /// Someone else (Asterisk) holds the folder lock the way app_voicemail takes it.
    private func holdLock(_ folder: URL) throws -> URL {
        let candidate = folder.appendingPathComponent(".lock-test0001")
        XCTAssertTrue(FileManager.default.createFile(atPath: candidate.path, contents: nil))
        XCTAssertEqual(link(candidate.path, folder.appendingPathComponent(".lock").path), 0)
        unlink(candidate.path)
        return folder.appendingPathComponent(".lock")
    }

    func testAHeldLockGivesUpWithOneLineAndChangesNothing() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend(lockTimeout: .milliseconds(200))
        let lock = try holdLock(fixture.folder("101", "INBOX"))
        let before = fixture.names("101", "INBOX")
        do {
            _ = try await backend.markRead(ids: ["1764230100-00000001"], mailbox: nil)
            XCTFail("the lock is held")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.hasSuffix("INBOX: locked by another program (Asterisk) for more than 0.2 s; nothing was changed, try again"), error.message)
            XCTAssertFalse(error.message.contains("\n"))
        }
        XCTAssertEqual(fixture.names("101", "INBOX"), before, "the lock is still the holder's, nothing else changed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: lock.path))
        XCTAssertEqual(fixture.numbers("101", "Old"), [0, 1])
        XCTAssertEqual(fixture.names("101", "Old").filter { $0.hasPrefix(".") }, [])
    }

    func testAChangeWaitsForTheLockAndReleasesIt() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend(lockTimeout: .seconds(30))
        let lock = try holdLock(fixture.folder("101", "INBOX"))
        let change = Task { try await backend.delete(ids: ["1764250100-00000002"], mailbox: nil) }
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertEqual(fixture.numbers("101", "INBOX"), [0, 1, 2], "nothing happens while Asterisk holds the lock")
        unlink(lock.path)
        _ = try await change.value
        XCTAssertEqual(fixture.numbers("101", "INBOX"), [0, 1])
        assertTidy(fixture, "101", ["INBOX"])
    }

    func testAFolderAtAsterisksLimitRefusesMore() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        let family = fixture.folder("101", "Family")
        try FileManager.default.createDirectory(at: family, withIntermediateDirectories: true)
        // The last number Asterisk ever uses is 9998.
        try fixture.text("101", "Old", 0).write(to: family.appendingPathComponent("msg9998.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try await backend.move(ids: ["1764230100-00000001"], to: .family, mailbox: nil)
            XCTFail("Family is full")
        } catch let error as VoicemailError {
            XCTAssertEqual(error, .mailboxFull(mailbox: "101", reason: "Family holds 9999 messages, Asterisk's limit per folder"))
        }
        XCTAssertEqual(fixture.numbers("101", "INBOX"), [0, 1, 2])
        XCTAssertEqual(fixture.names("101", "Family"), ["msg9998.txt"])
    }
}
