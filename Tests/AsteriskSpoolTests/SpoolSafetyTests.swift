import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

/// What a hostile or damaged spool must not make the spool backend do: read, copy or change
/// anything outside the spool root; read a huge `.txt`; leave root-owned files behind.
final class SpoolSafetyTests: XCTestCase {
    /// A file outside the spool standing in for /etc/shadow.
    private func secret() throws -> (TemporaryDirectory, URL) {
        let outside = try TemporaryDirectory(prefix: "vmtui-outside")
        let file = outside.appending("shadow")
        try Data("root:secret-hash:19000:0:99999:7:::\n".utf8).write(to: file)
        return (outside, file)
    }

    func testForwardRefusesAudioThatIsASymlinkOutOfTheSpool() async throws {
        let fixture = try SpoolFixture()
        let (outside, shadow) = try secret()
        defer { outside.remove() }
        let audio = fixture.folder("101", "Urgent").appendingPathComponent("msg0000.wav")
        try FileManager.default.removeItem(at: audio)
        try FileManager.default.createSymbolicLink(at: audio, withDestinationURL: shadow)
        let backend = try fixture.backend()
        do {
            _ = try await backend.forward(id: "1764260100-00000003", to: ["102"], mailbox: nil)
            XCTFail("a symbolic link must not be copied")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.contains("not a regular file"), error.message)
        }
        XCTAssertEqual(fixture.numbers("102", "INBOX"), [0], "nothing reached 102")
        let staged = fixture.names("102", "tmp").filter { $0.hasPrefix(SpoolLayout.stagingPrefix) }
        XCTAssertEqual(staged, [], "no staged copy is left")
        for name in fixture.names("102", "INBOX") {
            let data = try Data(contentsOf: fixture.folder("102", "INBOX").appendingPathComponent(name))
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("secret-hash"), name)
        }
    }

    func testDownloadRefusesAudioThatIsASymlinkOutOfTheSpool() async throws {
        let fixture = try SpoolFixture()
        let (outside, shadow) = try secret()
        defer { outside.remove() }
        let audio = fixture.folder("101", "Urgent").appendingPathComponent("msg0000.wav")
        try FileManager.default.removeItem(at: audio)
        try FileManager.default.createSymbolicLink(at: audio, withDestinationURL: shadow)
        let backend = try fixture.backend()
        let message = try await backend.message(id: "1764260100-00000003", mailbox: nil)
        let target = fixture.directory.appending("saved.wav")
        do {
            try await backend.downloadAudio(of: message, to: target, atomically: true, progress: nil)
            XCTFail("a symbolic link must not be downloaded")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.contains("not a regular file"), error.message)
        }
        XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: target.path), "no symlink was saved")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    /// A mailbox that is a symbolic link to a directory outside is neither read nor changed.
    func testAMailboxSymlinkedOutsideIsNotListedNorChanged() async throws {
        let fixture = try SpoolFixture()
        let outside = try TemporaryDirectory(prefix: "vmtui-outside")
        defer { outside.remove() }
        let elsewhere = outside.appending("102")
        try FileManager.default.moveItem(at: fixture.root.appendingPathComponent("default/102"), to: elsewhere)
        try FileManager.default.createSymbolicLink(
            at: fixture.root.appendingPathComponent("default/102"), withDestinationURL: elsewhere)
        let before = try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("INBOX").path).sorted()
        let backend = try fixture.backend(user: "101")
        let mailboxes = try await backend.mailboxes(ifNoneMatch: nil).value ?? []
        XCTAssertEqual(mailboxes.first { $0.mailbox == "102" }?.total ?? 0, 0, "nothing outside is counted")
        do {
            _ = try await backend.list(nil, mailbox: "102")
            XCTFail("a mailbox outside the spool must not be read")
        } catch let error as VoicemailError {
            XCTAssertTrue(error.message.contains("outside the spool"), error.message)
        }
        do {
            _ = try await backend.delete(ids: ["anything"], mailbox: "102")
            XCTFail("a mailbox outside the spool must not be changed")
        } catch is VoicemailError {}
        let after = try FileManager.default.contentsOfDirectory(atPath: elsewhere.appendingPathComponent("INBOX").path).sorted()
        XCTAssertEqual(after, before, "nothing outside was renamed")
    }

    /// A folder that is a symbolic link out of the spool is not a folder; one that resolves
    /// inside it is.
    func testAFolderSymlinkIsFollowedOnlyInsideTheSpool() async throws {
        let fixture = try SpoolFixture()
        let outside = try TemporaryDirectory(prefix: "vmtui-outside")
        defer { outside.remove() }
        let work = fixture.folder("101", "Work")
        let elsewhere = outside.appending("Work")
        let workCount = fixture.numbers("101", "Work").count
        try FileManager.default.moveItem(at: work, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: work, withDestinationURL: elsewhere)
        let backend = try fixture.backend()
        let outsideIDs = try await backend.list(.work).map(\.id)
        XCTAssertEqual(outsideIDs, [], "Work points outside: not read")
        _ = try await backend.delete(ids: ["1764230100-00000001"], mailbox: nil)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).filter { $0.hasSuffix(".txt") }.count, workCount)

        // Inside the spool (an administrator's link between two folders of the spool): read.
        try FileManager.default.removeItem(at: work)
        let inside = fixture.root.appendingPathComponent("default/shared-work")
        try FileManager.default.moveItem(at: elsewhere, to: inside)
        try FileManager.default.createSymbolicLink(at: work, withDestinationURL: inside)
        let insideIDs = try await backend.list(.work).map(\.id)
        XCTAssertEqual(insideIDs.count, workCount)
    }

    func testAHugeMessageFileIsReportedInOneLineNotRead() async throws {
        let fixture = try SpoolFixture()
        // 100,000 lines: larger than any message file can be.
        var text = ";\n[message]\nmsg_id=1764230100-00000001\n"
        for index in 0..<100_000 { text += "key\(index)=value\n" }
        let size = text.utf8.count
        try Data(text.utf8).write(to: fixture.folder("101", "INBOX").appendingPathComponent("msg0000.txt"))
        let backend = try fixture.backend()
        let inbox = try await backend.list(.inbox)
        XCTAssertEqual(inbox.count, 3, "still a message to Asterisk")
        let huge = try XCTUnwrap(inbox.first { $0.subject?.contains("msg0000.txt") ?? false })
        XCTAssertEqual(huge.subject, "msg0000.txt is \(size / 1024) KiB, larger than a message file can be (256 KiB); not read")
    }

    func testATextFileThatIsASymlinkIsNotRead() async throws {
        let fixture = try SpoolFixture()
        let (outside, shadow) = try secret()
        defer { outside.remove() }
        let text = fixture.folder("101", "Old").appendingPathComponent("msg0000.txt")
        try Data((";\n[message]\ncallerid=\"Shadow\" <1>\n").utf8).write(to: shadow)
        try FileManager.default.removeItem(at: text)
        try FileManager.default.createSymbolicLink(at: text, withDestinationURL: shadow)
        let backend = try fixture.backend()
        let old = try await backend.list(.old)
        XCTAssertFalse(old.contains { $0.callerName == "Shadow" }, "read through a symlink")
        XCTAssertTrue(old.contains { $0.subject == "msg0000.txt is not a regular file (a symbolic link?); not read" })
    }

    /// What pbx-sim writes in a `.txt` beyond Asterisk's keys is shown: the transcription and a
    /// forward's subject.
    func testTranscriptionAndForwardSubjectFromPbxSimFilesAreShown() async throws {
        let fixture = try SpoolFixture()
        var record = MessageRecord(
            id: "1764230100-0000000f", originalMailbox: "102", callerID: CallerID(name: "Ann", number: "200"),
            originTime: Date(timeIntervalSince1970: 1_764_230_100), duration: 4, urgent: false,
            subject: "Fwd: from 102 (Ann)", transcription: "Hello,\nplease call back.", format: .wav)
        record.context = "default"
        let folder = fixture.folder("101", "Cust1")
        try Data(record.ini().render().utf8).write(to: folder.appendingPathComponent("msg0001.txt"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("msg0000.wav"), to: folder.appendingPathComponent("msg0001.wav"))
        let backend = try fixture.backend()
        let message = try await backend.message(id: "1764230100-0000000f", mailbox: nil)
        XCTAssertEqual(message.subject, "Fwd: from 102 (Ann)")
        XCTAssertEqual(message.transcription, "Hello,\nplease call back.")
        XCTAssertEqual(message.duration, 4)
    }

    /// `show` and the list give the size of what a download writes, also when sox converts it.
    func testTheSizeShownIsTheSizeDownloaded() async throws {
        let fixture = try SpoolFixture()
        let backend = try fixture.backend()
        for message in try await backend.list(nil) {
            let target = fixture.directory.appending("out-\(message.id).wav")
            let result = try await backend.downloadAudio(of: message, to: target, atomically: true, progress: nil)
            XCTAssertEqual(Int64(message.size), result.bytes, "\(message.folder.rawValue) \(message.id)")
        }
    }

    func testAStaleLockOfAKilledProcessIsBroken() async throws {
        let fixture = try SpoolFixture()
        let inbox = fixture.folder("101", "INBOX")
        // A lock whose holder is gone: the pid of a process that has exited.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let candidate = inbox.appendingPathComponent(".lock-0badf00d.\(gone.processIdentifier)")
        try Data("\(gone.processIdentifier)\n".utf8).write(to: candidate)
        XCTAssertEqual(link(candidate.path, inbox.appendingPathComponent(".lock").path), 0)
        let backend = try fixture.backend(lockTimeout: .seconds(30))
        _ = try await backend.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        XCTAssertEqual(fixture.numbers("101", "INBOX"), [0, 1])
        XCTAssertFalse(fixture.names("101", "INBOX").contains { $0.hasPrefix(".lock") }, "the stale lock and its name are gone")
    }

    /// Run as root (support staff use sudo on the PBX host): what a change creates belongs to
    /// the mailbox's owner, with the mode of the folder's files.
    func testFilesCreatedAsRootTakeTheMailboxOwnerAndMode() async throws {
        try XCTSkipUnless(geteuid() == 0, "needs root to give files away")
        let fixture = try SpoolFixture()
        let owner: uid_t = 4242, group: gid_t = 4343
        let mailbox = fixture.root.appendingPathComponent("default/102")
        for path in [mailbox.path, mailbox.appendingPathComponent("INBOX").path] {
            XCTAssertEqual(chown(path, owner, group), 0)
            chmod(path, 0o2770)
        }
        for name in fixture.names("102", "INBOX") where name.hasPrefix("msg") {
            let path = fixture.folder("102", "INBOX").appendingPathComponent(name).path
            chown(path, owner, group)
            chmod(path, 0o660)
        }
        let backend = try fixture.backend()
        _ = try await backend.forward(id: "1764260100-00000003", to: ["102", "103"], mailbox: nil)
        for name in fixture.names("102", "INBOX") where name.hasPrefix("msg0001") {
            var info = stat()
            XCTAssertEqual(lstat(fixture.folder("102", "INBOX").appendingPathComponent(name).path, &info), 0)
            XCTAssertEqual(info.st_uid, owner, name)
            XCTAssertEqual(info.st_gid, group, name)
            XCTAssertEqual(info.st_mode & 0o777, 0o660, name)
        }
        // 103 had no INBOX: it is made owned like its mailbox folder.
        var made = stat(), parent = stat()
        lstat(fixture.folder("103", "INBOX").path, &made)
        lstat(fixture.root.appendingPathComponent("default/103").path, &parent)
        XCTAssertEqual(made.st_uid, parent.st_uid)
        XCTAssertEqual(made.st_gid, parent.st_gid)
    }
}
