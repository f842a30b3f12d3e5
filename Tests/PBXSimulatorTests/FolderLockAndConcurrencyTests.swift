import AsteriskSpoolFormat
import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// Asterisk's folder lock, taken the way Asterisk takes it, and one writer per mailbox.
final class FolderLockAndConcurrencyTests: XCTestCase {
    /// Holds a folder's `.lock` the way Asterisk does (an empty file linked to `.lock`).
    private func holdLock(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unique = folder.appendingPathComponent(".lock-asterisk")
        _ = FileManager.default.createFile(atPath: unique.path, contents: nil)
        XCTAssertEqual(link(unique.path, folder.appendingPathComponent(".lock").path), 0)
        unlink(unique.path)
    }

    private func releaseLock(_ folder: URL) {
        unlink(folder.appendingPathComponent(".lock").path)
    }

    func testAChangeWaitsForAsterisksLockAndLeavesNoLockBehind() async throws {
        let directory = try TemporaryDirectory(prefix: "lock-wait")
        let store = try SpoolTestKit.store(directory.url)
        let message = try await SpoolTestKit.deposit(store)
        let inbox = directory.appending("default/101/INBOX")
        try holdLock(inbox)
        let marking = Task { try await store.update(mailbox: "101", id: message.id, read: true, folder: .work) }
        // While Asterisk holds INBOX, the message cannot leave it.
        try await Task.sleep(nanoseconds: 300_000_000)
        XCTAssertEqual(store.message(mailbox: "101", id: message.id)?.folder, .inbox)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.appendingPathComponent("msg0000.txt").path))
        releaseLock(inbox)
        let moved = try await marking.value
        XCTAssertEqual(moved.folder, .work)
        XCTAssertEqual(SpoolTestKit.names(inbox), [], "message gone, lock and its unique name removed")
        XCTAssertEqual(SpoolTestKit.names(directory.appending("default/101/Work")), ["msg0000.txt", "msg0000.wav"])
    }

    func testALockHeldTooLongGivesUpWithOneClearLineAndChangesNothing() async throws {
        let directory = try TemporaryDirectory(prefix: "lock-timeout")
        let store = try SpoolTestKit.store(directory.url)
        let message = try await SpoolTestKit.deposit(store)
        let inbox = directory.appending("default/101/INBOX")
        try holdLock(inbox)
        do {
            _ = try await store.delete([message.key])
            XCTFail("deleted under someone else's lock")
        } catch let error as StoreError {
            guard case .busy(let text) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(text.contains("INBOX folder of mailbox 101 is locked"), text)
            XCTAssertFalse(text.contains("\n"))
            XCTAssertFalse(text.contains(directory.path), "no server paths in answers")
        }
        XCTAssertEqual(SpoolTestKit.names(inbox), [".lock", "msg0000.txt", "msg0000.wav"], "nothing changed, Asterisk's .lock kept")
        XCTAssertEqual(store.messages(in: "101").map(\.id), [message.id])
        releaseLock(inbox)
    }

    func testALockLeftByAKilledPbxSimIsTakenOver() async throws {
        let directory = try TemporaryDirectory(prefix: "lock-abandoned")
        let store = try SpoolTestKit.store(directory.url)
        let message = try await SpoolTestKit.deposit(store)
        let inbox = directory.appending("default/101/INBOX")
        // A process that has exited: its pid is free.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try Data("\(gone.processIdentifier)\n".utf8).write(to: inbox.appendingPathComponent(".lock"))
        try Data("\(gone.processIdentifier)\n".utf8).write(to: inbox.appendingPathComponent(".lock-0badc0de"))
        let read = try await store.update(mailbox: "101", id: message.id, read: true, folder: nil)
        XCTAssertEqual(read.folder, .old)
        XCTAssertFalse(SpoolTestKit.names(inbox).contains(".lock"))
        _ = try SpoolTestKit.store(directory.url)
        XCTAssertEqual(SpoolTestKit.names(inbox), [], "recovery clears the killed process's lock names")
    }

    /// A write stuck in one mailbox (here: Asterisk holds its INBOX lock) holds up nobody else:
    /// other mailboxes are written and every mailbox, this one too, can be read meanwhile.
    func testAStuckWriteInOneMailboxBlocksNoOtherMailboxAndNoRead() async throws {
        let directory = try TemporaryDirectory(prefix: "lock-isolation")
        let store = try SpoolTestKit.store(directory.url)
        let alice = try await SpoolTestKit.deposit(store, into: "101")
        let bob = try await SpoolTestKit.deposit(store, into: "102")
        let inbox = directory.appending("default/101/INBOX")
        try holdLock(inbox)
        let stuck = Task { try await store.update(mailbox: "101", id: alice.id, read: true, folder: nil) }
        try await Task.sleep(nanoseconds: 100_000_000)
        // All of this completes while 101's write waits.
        let moved = try await store.update(mailbox: "102", id: bob.id, read: true, folder: nil)
        XCTAssertEqual(moved.folder, .old)
        try await SpoolTestKit.deposit(store, into: "103")
        XCTAssertEqual(store.messages(in: "101").map(\.folder), [.inbox])
        let audio = try await store.openAudio(mailbox: "101", id: alice.id)
        XCTAssertEqual(audio.size, TestAudio.wav(seconds: 1).count)
        XCTAssertEqual(store.message(mailbox: "101", id: alice.id)?.folder, .inbox, "101's write is still waiting")
        releaseLock(inbox)
        let done = try await stuck.value
        XCTAssertEqual(done.folder, .old)
    }

    /// Concurrent changes in one mailbox never interleave their renumbering: every message is
    /// found by its id with its own audio afterwards.
    func testConcurrentChangesInOneMailboxKeepEveryMessageWithItsAudio() async throws {
        let directory = try TemporaryDirectory(prefix: "lock-concurrent")
        let store = try SpoolTestKit.store(directory.url)
        var ids: [String: Int] = [:]
        for seconds in 1...12 {
            let stored = try await SpoolTestKit.deposit(store, SpoolTestKit.record(seconds: seconds))
            ids[stored.id] = seconds
        }
        let all = Array(ids.keys)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, id) in all.enumerated() where index % 3 != 0 {
                group.addTask { _ = try await store.update(mailbox: "101", id: id, read: true, folder: nil) }
            }
            for (index, id) in all.enumerated() where index % 3 == 0 && index < 6 {
                group.addTask { _ = try await store.delete([MessageKey(mailbox: "101", id: id)]) }
            }
            try await group.waitForAll()
        }
        let reopened = try SpoolTestKit.store(directory.url)
        for store in [store, reopened] {
            let messages = store.messages(in: "101")
            XCTAssertEqual(messages.count, 10)
            for message in messages {
                let opened = try await store.openAudio(mailbox: "101", id: message.id)
                XCTAssertEqual(try opened.handle.readToEnd(), TestAudio.wav(seconds: Double(ids[message.id]!)))
            }
        }
    }
}
