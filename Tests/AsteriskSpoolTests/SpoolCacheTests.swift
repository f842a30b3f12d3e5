import AsteriskSpool
import AsteriskSpoolFormat
import Foundation
import TestSupport
import VoicemailBackend
import VoicemailModel
import XCTest

/// The record cache kept between runs (`$XDG_CACHE_HOME/vmtui`): believed only while each
/// `.txt` is the same file (inode, size, modification time), so whatever "Asterisk" does behind
/// it shows on the next run exactly as a run without a cache shows it.
final class SpoolCacheTests: XCTestCase {
    func backend(_ fixture: SpoolFixture, cache: URL?) throws -> AsteriskSpoolBackend {
        try AsteriskSpoolBackend(SpoolConfiguration(root: fixture.root, user: "101", voicemailConf: fixture.conf, cacheDirectory: cache))
    }

    /// Every folder of 101 as a run without a cache reads it, and as a new run with one does.
    func assertSameAsUncached(_ fixture: SpoolFixture, _ cache: URL, file: StaticString = #filePath, line: UInt = #line) async throws {
        for folder in [Folder.inbox, .urgent, .old, .cust1] {
            let truth = try await backend(fixture, cache: nil).list(folder)
            let cached = try await backend(fixture, cache: cache).list(folder)
            XCTAssertEqual(cached, truth, "\(folder)", file: file, line: line)
        }
    }

    /// The fixture's files as an hour old: files changed in the last seconds are never cached
    /// (a second change within the file system's clock tick would keep the same mtime).
    func settled(_ fixture: SpoolFixture) throws -> SpoolFixture {
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: fixture.root.path))
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        while let name = enumerator.nextObject() as? String {
            guard name.hasSuffix(".txt") else { continue }
            try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: fixture.root.appendingPathComponent(name).path)
        }
        return fixture
    }

    func cacheFile(_ cache: URL) throws -> URL {
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".cache") }
        XCTAssertEqual(names.count, 1, "\(names)")
        return cache.appendingPathComponent(try XCTUnwrap(names.first))
    }

    func testTheCacheFileIsPrivateAndBelievedOnlyWhileTheTextIsTheSame() async throws {
        let fixture = try settled(SpoolFixture())
        let cache = fixture.directory.appending("cache/vmtui")
        _ = try await backend(fixture, cache: cache).list(.inbox)
        let file = try cacheFile(cache)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cache.path)[.posixPermissions] as? Int, 0o700)

        // A forged name in our own private file is believed while msg0000.txt is unchanged:
        // proof that a second run takes the cache instead of the file.
        let forged = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "=Bob ", with: "=Eve ")
        try Data(forged.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let believed = try await backend(fixture, cache: cache).list(.inbox)
        XCTAssertTrue(believed.contains { $0.callerName?.hasPrefix("Eve ") == true }, "\(believed.map(\.callerName))")

        // The same file readable by others is not ours alone: ignored.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let ignored = try await backend(fixture, cache: cache).list(.inbox)
        XCTAssertFalse(ignored.contains { $0.callerName?.hasPrefix("Eve ") == true })

        // Private again, but the .txt was touched since: read again.
        try Data(forged.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let text = fixture.folder("101", "INBOX").appendingPathComponent("msg0000.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: text.path)
        try await assertSameAsUncached(fixture, cache)
    }

    func testACacheFileThatIsNotWholeIsIgnored() async throws {
        let fixture = try settled(SpoolFixture())
        let cache = fixture.directory.appending("cache")
        _ = try await backend(fixture, cache: cache).list(.inbox)
        let file = try cacheFile(cache)
        let whole = try Data(contentsOf: file)
        for broken in [whole.prefix(whole.count / 2), Data("garbage\n".utf8), Data()] {
            try broken.write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            try await assertSameAsUncached(fixture, cache)
        }
    }

    /// What Asterisk does behind a cache: a message left, one changed in place (same size),
    /// one deleted with the folder renumbered, one moved to Old. Each shows on the next run.
    func testChangesByAsteriskBehindTheCacheShow() async throws {
        let fixture = try settled(SpoolFixture())
        let cache = fixture.directory.appending("cache")
        let inbox = fixture.folder("101", "INBOX")
        let old = fixture.folder("101", "Old")
        let manager = FileManager.default
        try await assertSameAsUncached(fixture, cache)

        // Added: a new msg0003 in INBOX.
        let text0 = try fixture.text("101", "INBOX", 0)
        try Data(text0.replacingOccurrences(of: "msg_id=1764230100-00000001", with: "msg_id=1764239999-0000beef").utf8)
            .write(to: inbox.appendingPathComponent("msg0003.txt"))
        try manager.copyItem(at: inbox.appendingPathComponent("msg0000.wav"), to: inbox.appendingPathComponent("msg0003.wav"))
        try await assertSameAsUncached(fixture, cache)
        let added = try await backend(fixture, cache: cache).list(.inbox)
        XCTAssertTrue(added.contains { $0.id == "1764239999-0000beef" })

        // Changed in place, same size: duration=1 becomes duration=7.
        let handle = try FileHandle(forUpdating: inbox.appendingPathComponent("msg0000.txt"))
        try handle.write(contentsOf: Data(text0.replacingOccurrences(of: "duration=1", with: "duration=7").utf8))
        try handle.close()
        try await assertSameAsUncached(fixture, cache)
        let changed = try await backend(fixture, cache: cache).list(.inbox)
        XCTAssertEqual(changed.first { $0.id == "1764230100-00000001" }?.duration, 7)

        // Removed and renumbered: msg0001 goes, msg0002 and msg0003 close the gap.
        for name in try manager.contentsOfDirectory(atPath: inbox.path) where name.hasPrefix("msg0001.") {
            try manager.removeItem(at: inbox.appendingPathComponent(name))
        }
        for number in [2, 3] {
            for name in try manager.contentsOfDirectory(atPath: inbox.path) where name.hasPrefix(String(format: "msg%04d.", number)) {
                let ext = name.split(separator: ".").last!
                try manager.moveItem(
                    at: inbox.appendingPathComponent(name), to: inbox.appendingPathComponent(String(format: "msg%04d.%@", number - 1, String(ext))))
            }
        }
        try await assertSameAsUncached(fixture, cache)
        let renumbered = try await backend(fixture, cache: cache).list(.inbox)
        XCTAssertEqual(renumbered.count, 3)

        // Moved to Old (renamed there as its next number).
        let next = fixture.numbers("101", "Old").count
        for name in try manager.contentsOfDirectory(atPath: inbox.path) where name.hasPrefix("msg0002.") {
            let ext = name.split(separator: ".").last!
            try manager.moveItem(at: inbox.appendingPathComponent(name), to: old.appendingPathComponent(String(format: "msg%04d.%@", next, String(ext))))
        }
        try await assertSameAsUncached(fixture, cache)
        let moved = try await backend(fixture, cache: cache).list(.old)
        XCTAssertTrue(moved.contains { $0.id == "1764239999-0000beef" })
    }

    /// Within one run too: a backend that has listed sees the change on its next listing.
    func testOneBackendSeesChangesBehindItsCache() async throws {
        let fixture = try settled(SpoolFixture())
        let cache = fixture.directory.appending("cache")
        let running = try backend(fixture, cache: cache)
        let before = try await running.list(.inbox)
        XCTAssertEqual(before.count, 3)
        let inbox = fixture.folder("101", "INBOX")
        let text0 = try fixture.text("101", "INBOX", 0)
        try Data(text0.replacingOccurrences(of: "duration=1", with: "duration=9").utf8).write(to: inbox.appendingPathComponent("msg0000.txt"))
        let after = try await running.list(.inbox)
        XCTAssertEqual(after.first { $0.id == "1764230100-00000001" }?.duration, 9)
        _ = try await running.markRead(ids: ["1764230100-00000001"], mailbox: nil)
        try await assertSameAsUncached(fixture, cache)
    }

    /// The pages after a first come from the first page's order while nothing changed; a
    /// first page always reads the spool again, and a message filed between two pages (its
    /// folder changed) makes the next page read it again too.
    func testLaterPagesAndNewFirstPagesSeeChangesBehindTheCache() async throws {
        let fixture = try settled(SpoolFixture())
        let running = try backend(fixture, cache: fixture.directory.appending("cache"))
        let inbox = fixture.folder("101", "INBOX")
        // The folders as an hour old too, so a listing's order is kept for its later pages.
        let mailbox = inbox.deletingLastPathComponent()
        for name in try FileManager.default.contentsOfDirectory(atPath: mailbox.path) + ["."] {
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: mailbox.appendingPathComponent(name).path)
        }
        func page(_ start: Int) async throws -> Page<VoicemailMessage> {
            try await running.listMessages(MessageQuery(folder: .inbox, start: start, count: 1), ifNoneMatch: nil).value!
        }
        let first = try await page(0)
        XCTAssertEqual(first.total, 3)

        // Changed in place, same size, between two first pages.
        let text0 = try fixture.text("101", "INBOX", 0)
        let handle = try FileHandle(forUpdating: inbox.appendingPathComponent("msg0000.txt"))
        try handle.write(contentsOf: Data(text0.replacingOccurrences(of: "duration=1", with: "duration=8").utf8))
        try handle.close()
        var seen: [VoicemailMessage] = []
        for start in 0..<3 { seen += try await page(start).records }
        XCTAssertEqual(seen.first { $0.id == "1764230100-00000001" }?.duration, 8)

        // Filed between a first page and the next: the next page counts it.
        _ = try await page(0)
        try Data(text0.replacingOccurrences(of: "msg_id=1764230100-00000001", with: "msg_id=1764239999-0000cafe").utf8)
            .write(to: inbox.appendingPathComponent("msg0003.txt"))
        let next = try await page(1)
        XCTAssertEqual(next.total, 4)
    }
}
