import Foundation
@testable import PBXSimulator
import XCTest

final class DepositForwardGreetingTests: XCTestCase {
    private func fixture(capacity: Int? = nil) async throws -> SimulatorFixture {
        let fixture = try await SimulatorFixture(capacity: capacity)
        addTeardownBlock { await fixture.stop() }
        return fixture
    }

    func testDepositMeasuresAudioAndRefusesWhatTheContractRefuses() async throws {
        let f = try await fixture()
        let deposit = "/api/v1/VoiceMail?mailbox=103&callerNumber=%2B4930123456&callerName=Jane%20Doe&urgent=1&transcription=hello%0Aworld"
        let made = try await f.http.post(deposit, body: TestAudio.wav(seconds: 42))
        XCTAssertEqual(made.status, 201)
        XCTAssertEqual(made.result["duration"] as? Int, 42)
        XCTAssertEqual(made.result["callerNumber"] as? String, "+4930123456")
        XCTAssertEqual(made.result["callerName"] as? String, "Jane Doe")
        XCTAssertEqual(made.result["urgent"] as? Bool, true)
        XCTAssertEqual(made.result["transcription"] as? String, "hello\nworld")
        // Asterisk files an urgent message in Urgent, flagged.
        XCTAssertEqual(made.result["folder"] as? String, "Urgent")
        XCTAssertEqual(made.result["read"] as? Bool, false)
        let mp3 = try await f.http.post("/api/v1/VoiceMail?mailbox=103&callerNumber=1", body: try TestAudio.mp3())
        XCTAssertEqual(mp3.result["format"] as? String, "mp3")
        XCTAssertEqual(mp3.result["duration"] as? Int, 6)
        expectStatus(try await f.http.post("/api/v1/VoiceMail?mailbox=103&callerNumber=1", body: TestAudio.wav(seconds: 180)), 201)

        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=103", body: TestAudio.wav(seconds: 181)), "too_long")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=103", body: Data(count: 21 * 1024 * 1024)), "too_large")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=103", body: Data("just text".utf8)), "unsupported_media_type")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=103", body: Data()), "bad_request")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=103", body: TestAudio.wav(seconds: 1).prefix(30)), "bad_request")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=999", body: TestAudio.wav(seconds: 1)), "not_found")
        expectCode(try await f.http.post("/api/v1/VoiceMail", body: TestAudio.wav(seconds: 1)), "bad_request")
        let count = try await f.ids("103", auth: .bearer("demo-103")).count
        XCTAssertEqual(count, 3, "refused deposits leave nothing behind")
    }

    func testFullMailboxRefusesDepositAndForward() async throws {
        // The demo gives 101 fifteen messages.
        let f = try await fixture(capacity: 16)
        try await f.deposit(into: "101")
        expectCode(try await f.http.post("/api/v1/VoiceMail?mailbox=101", body: TestAudio.wav(seconds: 1)), "mailbox_full")
        let bobs = try await f.ids("102", auth: .bearer("demo-102"))
        let forward = try await f.http.post(
            "/api/v1/VoiceMail/\(bobs[0])/forward", auth: .bearer("demo-102"), body: Data(#"{"to":["103","101"]}"#.utf8))
        expectCode(forward, "mailbox_full")
        let danas = try await f.ids("103", auth: .bearer("demo-103"))
        XCTAssertEqual(danas.count, 0, "a full target means no copy anywhere")
    }

    func testForwardMakesUnreadLabelledCopies() async throws {
        let f = try await fixture()
        let source = try await f.ids("102", auth: .bearer("demo-102"))
        let original = try await f.message(source[1], auth: .bearer("demo-102"))
        let answer = try await f.http.post(
            "/api/v1/VoiceMail/\(source[1])/forward", auth: .bearer("demo-102"), body: Data(#"{"to":"103*101"}"#.utf8))
        XCTAssertEqual(answer.status, 200)
        let copies = try XCTUnwrap(answer.result["forwarded"] as? [[String: String]])
        XCTAssertEqual(copies.map { $0["mailbox"] }, ["103", "101"])
        let copy = try await f.message(copies[0]["id"]!, auth: .bearer("demo-103"))
        XCTAssertEqual(copy["subject"] as? String, "Fwd: \(original["callerName"] as! String)")
        XCTAssertEqual(copy["folder"] as? String, "INBOX")
        XCTAssertEqual(copy["read"] as? Bool, false)
        XCTAssertEqual(copy["duration"] as? Int, original["duration"] as? Int)
        XCTAssertEqual(copy["transcription"] as? String, original["transcription"] as? String)
        // A copy of a copy keeps a single "Fwd:".
        let again = try await f.http.post(
            "/api/v1/VoiceMail/\(copies[0]["id"]!)/forward", auth: .bearer("demo-103"), body: Data(#"{"to":["102"]}"#.utf8))
        let second = try XCTUnwrap((again.result["forwarded"] as? [[String: String]])?.first?["id"])
        let copyOfCopy = try await f.message(second, auth: .bearer("demo-102"))
        XCTAssertEqual(copyOfCopy["subject"] as? String, copy["subject"] as? String)
        // Same audio bytes.
        let locationA = try await f.http.get("/api/v1/VoiceMail/\(source[1])/file", auth: .bearer("demo-102")).header("Location")
        let locationB = try await f.http.get("/api/v1/VoiceMail/\(second)/file", auth: .bearer("demo-102")).header("Location")
        let a = try await f.http.get(try XCTUnwrap(locationA), auth: .bearer("demo-102"))
        let b = try await f.http.get(try XCTUnwrap(locationB), auth: .bearer("demo-102"))
        XCTAssertEqual(a.body, b.body)

        expectCode(try await f.http.post("/api/v1/VoiceMail/\(source[1])/forward", auth: .bearer("demo-102"), body: Data(#"{"to":["999"]}"#.utf8)), "not_found")
        expectCode(try await f.http.post("/api/v1/VoiceMail/\(source[1])/forward", auth: .bearer("demo-102"), body: Data(#"{"to":["x1"]}"#.utf8)), "bad_request")
        expectCode(try await f.http.post("/api/v1/VoiceMail/\(source[1])/forward", auth: .bearer("demo-102"), body: Data("{}".utf8)), "bad_request")
        expectCode(try await f.http.post("/api/v1/VoiceMail/\(source[1])/forward", auth: .bearer("demo-102"), body: Data(#"{"to":[]}"#.utf8)), "bad_request")
    }

    func testGreetingsListUploadDownloadResetAndRefusals() async throws {
        let f = try await fixture()
        let list = try await f.http.get("/api/v1/VoiceMail/Greetings")
        XCTAssertEqual(list.records.map { $0["type"] as? String }, ["unavailable", "busy", "name", "temporary"])
        XCTAssertEqual(list.records.map { $0["present"] as? Bool }, [true, false, true, false])
        expectCode(try await f.http.get("/api/v1/VoiceMail/Greetings/busy/file"), "not_found")
        expectCode(try await f.http.get("/api/v1/VoiceMail/Greetings/shouting"), "not_found")

        let audio = TestAudio.wav(seconds: 5)
        let uploaded = try await f.http.put("/api/v1/VoiceMail/Greetings/busy/file", body: audio)
        XCTAssertEqual(uploaded.result["present"] as? Bool, true)
        XCTAssertEqual(uploaded.result["duration"] as? Int, 5)
        let downloaded = try await f.http.get("/api/v1/VoiceMail/Greetings/busy/file")
        XCTAssertEqual(downloaded.body, audio)
        let answer1 = try await f.http.get("/api/v1/VoiceMail/Greetings/busy/file", headers: ["Range": "bytes=0-3"])
        XCTAssertEqual(answer1.body, Data("RIFF".utf8))

        for refused in [TestAudio.wav(seconds: 200), Data("text".utf8), Data()] {
            let answer = try await f.http.put("/api/v1/VoiceMail/Greetings/busy/file", body: refused)
            XCTAssertGreaterThanOrEqual(answer.status, 400)
            let answer2 = try await f.http.get("/api/v1/VoiceMail/Greetings/busy/file")
            XCTAssertEqual(answer2.body, audio, "the old greeting stays")
        }
        let mp3 = try TestAudio.mp3()
        let replaced = try await f.http.put("/api/v1/VoiceMail/Greetings/busy/file", body: mp3)
        XCTAssertEqual(replaced.result["format"] as? String, "mp3")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.directory.appending("default/101/busy.wav").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.directory.appending("default/101/busy.mp3").path))

        let reset = try await f.http.delete("/api/v1/VoiceMail/Greetings/busy")
        XCTAssertEqual(reset.result["present"] as? Bool, false)
        expectCode(try await f.http.get("/api/v1/VoiceMail/Greetings/busy/file"), "not_found")
        // Another mailbox's greetings follow the same permissions.
        expectStatus(try await f.http.get("/api/v1/VoiceMail/Greetings?filter%5Bmailbox%5D=101", auth: .bearer("demo-200")), 200)
        expectCode(try await f.http.put("/api/v1/VoiceMail/Greetings/name/file?filter%5Bmailbox%5D=101", auth: .bearer("demo-103"), body: audio), "forbidden")
    }
}
