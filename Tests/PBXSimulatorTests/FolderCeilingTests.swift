import Foundation
@testable import PBXSimulator
import TestSupport
import VoicemailModel
import XCTest

/// Asterisk never has more than 9999 messages in a folder (msg0000–msg9999 is four digits):
/// pbx-sim refuses the next one instead of writing an msg10000 nothing would ever read.
final class FolderCeilingTests: XCTestCase {
    /// A full INBOX written by hand (fast: one tiny audio file linked 9999 times).
    private func fullInbox(_ directory: TemporaryDirectory, mailbox: String = "101") throws -> URL {
        let inbox = directory.appending("default/\(mailbox)/INBOX")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let audio = directory.appending("one.wav")
        try TestAudio.wav(seconds: 1).write(to: audio)
        let template = SpoolTestKit.asteriskText(msgID: "1700000000-XXXXXXXX", duration: 1, mailbox: mailbox)
        var failures = 0
        for number in 0..<SpoolLayout.maxMessagesPerFolder {
            let base = SpoolLayout.path(in: inbox.path, number, "")
            let text = Array(template.replacingOccurrences(of: "XXXXXXXX", with: MessageID.hex8(UInt32(number))).utf8)
            let fd = open(base + "txt", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            if fd < 0 || write(fd, text, text.count) != text.count { failures += 1 }
            close(fd)
            if link(audio.path, base + "wav") != 0 { failures += 1 }
        }
        XCTAssertEqual(failures, 0)
        return inbox
    }

    func testAFullFolderRefusesDepositsMovesAndForwardsAndLosesNothing() async throws {
        let directory = try TemporaryDirectory(prefix: "ceiling")
        let inbox = try fullInbox(directory)
        // What an older pbx-sim wrote past the ceiling is kept, out of the way.
        try SpoolTestKit.writeMessage(inbox, 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-10000000"))
        for ext in ["txt", "wav"] {
            try FileManager.default.moveItem(at: inbox.appendingPathComponent("msg0000.\(ext)"), to: inbox.appendingPathComponent("msg10000.\(ext)"))
        }
        try SpoolTestKit.writeMessage(inbox, 0, text: SpoolTestKit.asteriskText(msgID: "1700000000-00000000", duration: 1))
        let store = try SpoolTestKit.store(directory.url, capacity: 100_000)
        XCTAssertEqual(store.count(in: "101"), 9999)
        let setAside = SpoolTestKit.names(directory.appending("lost+found"))
        XCTAssertEqual(setAside.filter { $0.hasSuffix("-msg10000.txt") || $0.hasSuffix("-msg10000.wav") }.count, 2, "\(setAside)")
        XCTAssertFalse(SpoolTestKit.names(inbox).contains { $0.hasPrefix("msg10000") })

        for attempt in 0..<2 {
            do {
                try await SpoolTestKit.deposit(store)
                XCTFail("deposit \(attempt) into a full INBOX was accepted")
            } catch let error as StoreError {
                guard case .mailboxFull(let text) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(text, "the INBOX folder of mailbox 101 holds 9999 messages, Asterisk's limit")
            }
        }
        // A message moved or forwarded into the full INBOX is refused the same way.
        let other = try await SpoolTestKit.deposit(store, into: "102")
        do {
            _ = try await store.forward(other.key, to: ["101"], label: "Fwd")
            XCTFail("forward into a full INBOX was accepted")
        } catch StoreError.mailboxFull {}
        let read = try await store.update(mailbox: "101", id: "1700000000-00000000", read: true, folder: nil)
        XCTAssertEqual(read.folder, .old)
        do {
            _ = try await store.update(mailbox: "101", id: read.id, read: false, folder: nil)
        } catch { XCTFail("room again after one left: \(error)") }

        let names = SpoolTestKit.names(inbox)
        XCTAssertFalse(names.contains { $0.hasPrefix("msg1") && $0.count > 11 }, "no msg10000")
        XCTAssertEqual(names.filter { $0.hasSuffix(".txt") }.count, 9999)
        let reopened = try SpoolTestKit.store(directory.url, capacity: 100_000)
        XCTAssertEqual(reopened.count(in: "101"), 9999)
        XCTAssertNotNil(reopened.message(mailbox: "101", id: read.id))
    }

    func testTheHTTPAnswerIs409WithOneLine() async throws {
        let directory = try TemporaryDirectory(prefix: "ceiling-http")
        _ = try fullInbox(directory)
        try SpoolTestKit.writeUsers(directory.url)
        var options = SimulatorOptions(dataDirectory: directory.url)
        options.mailboxCapacity = 100_000
        let simulator = try await Simulator.start(options)
        addTeardownBlock { await simulator.stop() }
        let http = HTTPTestClient(baseURL: simulator.baseURL)
        let answer = try await http.post("/api/v1/VoiceMail?mailbox=101&callerNumber=1", body: TestAudio.wav(seconds: 1))
        XCTAssertEqual(answer.status, 409)
        let reason = try XCTUnwrap(answer.json["reason"] as? String)
        XCTAssertFalse(reason.contains("\n"))
        XCTAssertTrue(reason.contains("9999"), reason)
        let list = try await http.get("/api/v1/VoiceMail?count=1")
        XCTAssertEqual(list.result["total"] as? String, "9999")
    }
}
