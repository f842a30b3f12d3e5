import AsteriskSpoolFormat
import AudioFormats
import Foundation
@testable import PBXSimulator
import VoicemailModel
import TestSupport
import XCTest

final class SpoolAndSeedTests: XCTestCase {
    func testSpoolFilesAreAsteriskShapedAndRenumberingKeepsIds() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let inbox = f.directory.appending("default/101/INBOX")
        let text = try String(contentsOf: inbox.appendingPathComponent("msg0000.txt"), encoding: .utf8)
        XCTAssertTrue(text.contains("[message]"))
        for key in ["origmailbox", "context", "macrocontext", "exten", "rdnis", "priority", "callerchan", "callerid",
                    "origdate", "origtime", "category", "msg_id", "flag", "duration", "subject", "transcription", "format"] {
            XCTAssertTrue(text.contains("\n\(key)="), "msg0000.txt lacks \(key)")
        }
        XCTAssertFalse(text.contains("\nread="), "Asterisk has no read flag: the folder says it")
        let before = try await f.ids("101", folder: "INBOX")
        XCTAssertEqual(before.count, 4)
        let oldest = try await f.message(before[3])
        // Delete the oldest (msg0000): the others shift down and keep their ids.
        expectStatus(try await f.http.delete("/api/v1/VoiceMail/\(before[3])/"), 200)
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox.path).sorted()
        XCTAssertEqual(names, ["msg0000.txt", "msg0000.wav", "msg0001.txt", "msg0001.wav", "msg0002.txt", "msg0002.wav"])
        let after = try await f.ids("101", folder: "INBOX")
        XCTAssertEqual(after, Array(before.prefix(3)))
        let ini = IniFile(parsing: try String(contentsOf: inbox.appendingPathComponent("msg0000.txt"), encoding: .utf8))
        XCTAssertEqual(ini.value("msg_id"), before[2])
        XCTAssertNotEqual(ini.value("msg_id"), oldest["id"] as? String)
        let redirect = try await f.http.get("/api/v1/VoiceMail/\(before[2])/file")
        XCTAssertEqual(redirect.header("Location"), "/spoolview/voicemail/default/101/msg\(before[2]).wav")
    }

    func testHostileCallerTextCannotInjectKeys() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let id = try await f.deposit(into: "102", name: "Eve\"\n[message]\nmsg_id=1-x", transcription: "line1\nflag=Urgent\\n")
        let message = try await f.message(id, auth: .bearer("demo-102"))
        XCTAssertEqual(message["urgent"] as? Bool, false)
        XCTAssertEqual(message["transcription"] as? String, "line1\nflag=Urgent\\n")
        XCTAssertEqual(message["id"] as? String, id)
    }

    func testDemoSeedHasEverythingTheDemoNeeds() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let users = try JSONDecoder().decode(UsersFile.self, from: Data(contentsOf: f.directory.appending("users.json"))).users
        XCTAssertEqual(users.map(\.extension), ["101", "102", "103", "200"])
        XCTAssertEqual(users.map(\.name), ["Alice Martin", "Bob Nguyen", "Dana Kowalski", "Support Desk"])
        for user in users {
            expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer("demo-\(user.extension)")), 200)
            expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .basic(user.extension, "pass\(user.extension)")), 200)
            let boxes = try await f.http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("demo-\(user.extension)"))
            XCTAssertEqual(boxes.records.count, user.extension == "200" ? 3 : 1)
        }

        let answer = try await f.http.get("/api/v1/VoiceMail?count=1000")
        let messages = try answer.records.map {
            try JSONDecoder().decode(VoicemailMessage.self, from: JSONSerialization.data(withJSONObject: $0))
        }
        XCTAssertGreaterThanOrEqual(messages.count, 12)
        // Every phone folder, and Asterisk's Urgent and Cust1 as a real PBX has them.
        XCTAssertEqual(Set(messages.map(\.folder)), Set(Folder.allCases + [.urgent, .cust1]))
        XCTAssertTrue(messages.contains { $0.folder == .urgent && $0.urgent && !$0.read })
        XCTAssertTrue(messages.contains { $0.folder == .inbox && !$0.read })
        XCTAssertTrue(messages.allSatisfy { $0.read == !$0.folder.holdsUnread }, "unread exactly in INBOX and Urgent")
        XCTAssertTrue(messages.contains { $0.urgent })
        XCTAssertTrue(messages.contains { $0.isForwarded })
        XCTAssertTrue(messages.contains { $0.callerNumber.hasPrefix("+44") })
        XCTAssertTrue(messages.contains { $0.callerName?.unicodeScalars.contains { $0.value > 0x2FF } ?? false })
        XCTAssertTrue(messages.contains { $0.transcription != nil })
        XCTAssertTrue(messages.contains { $0.duration == 180 })
        XCTAssertTrue(messages.contains { $0.format == .mp3 })
        let now = Date()
        XCTAssertTrue(messages.contains { now.timeIntervalSince($0.date) < 3600 }, "one from the last hour")
        XCTAssertTrue(messages.contains { (86400..<7 * 86400).contains(now.timeIntervalSince($0.date)) }, "this week")
        XCTAssertTrue(messages.contains { now.timeIntervalSince($0.date) > 365 * 86400 }, "over a year ago")

        // Real audio: every WAV is 8 kHz mono 16-bit and lasts what the message says.
        for message in messages {
            let location = try await f.http.get("/api/v1/VoiceMail/\(message.id)/file").header("Location")
            let audio = try await f.http.get(try XCTUnwrap(location)).body
            XCTAssertEqual(audio.count, message.size)
            let info = try AudioInspector.inspect(audio).get()
            XCTAssertEqual(info.wholeSeconds, message.duration)
            if message.format == .wav {
                XCTAssertEqual(ByteReading.uint32LE([UInt8](audio), 24), 8000)
                XCTAssertEqual(ByteReading.uint16LE([UInt8](audio), 22), 1)
                XCTAssertEqual(ByteReading.uint16LE([UInt8](audio), 34), 16)
                let samples = PCMWave(decoding: audio)?.samples ?? []
                XCTAssertGreaterThan(samples.map { abs(Int($0)) }.max() ?? 0, 1000, "speech, not silence")
            }
        }
        let bob = try await f.ids("102", auth: .bearer("demo-102"))
        XCTAssertGreaterThanOrEqual(bob.count, 2)
        let greetings = try await f.http.get("/api/v1/VoiceMail/Greetings")
        XCTAssertEqual(greetings.records.filter { $0["present"] as? Bool == true }.map { $0["type"] as? String }, ["unavailable", "name"])
    }

    func testSeedLeavesANonEmptyDirectoryAlone() async throws {
        let directory = try TestSupportDirectory()
        try JSONEncoder().encode(UsersFile(users: TestUsers.all)).write(to: directory.url.appendingPathComponent("users.json"))
        let simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url, seed: .demo))
        await simulator.stop()
        let users = try JSONDecoder().decode(UsersFile.self, from: Data(contentsOf: directory.url.appendingPathComponent("users.json")))
        XCTAssertEqual(users.users.map(\.extension), ["101", "300", "400", "500"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.url.appendingPathComponent("default/101/INBOX/msg0000.txt").path))
    }

    func testAudioInspectorHandlesID3AndXingAndRejectsNoise() throws {
        let mp3 = try TestAudio.mp3()
        let plain = try AudioInspector.inspect(mp3).get()
        XCTAssertEqual(plain.format, .mp3)
        XCTAssertEqual(plain.seconds, 6.26, accuracy: 0.1)
        // An ID3v2 tag in front changes nothing.
        var tagged = Data("ID3".utf8) + Data([4, 0, 0, 0, 0, 0, 20]) + Data(count: 20)
        tagged.append(mp3)
        XCTAssertEqual(try AudioInspector.inspect(tagged).get().seconds, plain.seconds, accuracy: 0.01)
        // A Xing header's frame count is trusted over scanning (MPEG-2 Layer III mono, 16 kHz).
        // Each frame is 72 * 8000 / 16000 = 36 bytes; four of them, the first holding the tag.
        let header: [UInt8] = [0xFF, 0xF3, 0x18, 0xC4]
        var frame = header + [UInt8](repeating: 0, count: 9) + Array("Xing".utf8) + [0, 0, 0, 1, 0, 0, 0x03, 0xE8]
        frame += [UInt8](repeating: 0, count: 36 - frame.count)
        for _ in 0..<3 { frame += header + [UInt8](repeating: 0, count: 32) }
        let xing = try AudioInspector.inspect(Data(frame)).get()
        XCTAssertEqual(xing.seconds, 1000 * 576 / 16000, accuracy: 0.01)
        XCTAssertEqual(AudioInspector.inspect(Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })), .failure(.unsupported))
        XCTAssertEqual(AudioInspector.inspect(Data([0xFF, 0xFB, 0x90, 0x00, 1, 2, 3])), .failure(.unsupported))
    }
}

typealias TestSupportDirectory = TestSupport.TemporaryDirectory
