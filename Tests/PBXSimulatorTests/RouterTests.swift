import Foundation
@testable import PBXSimulator
import XCTest

/// The Hummingbird router keeps every route's behaviour and adds what the old switch lacked.
final class RouterTests: XCTestCase {
    func testHEADOnJSONRoutesAnswersLikeGETWithoutABody() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let id = try await f.ids("101")[0]
        for path in ["/api/v1/VoiceMail", "/api/v1/VoiceMail/Mailboxes", "/api/v1/VoiceMail/\(id)", "/api/v1/VoiceMail/Greetings"] {
            let get = try await f.http.get(path)
            let head = try await f.http.send("HEAD", path, headers: Auth.bearer("demo-101").headers)
            XCTAssertEqual(head.status, 200, path)
            XCTAssertEqual(head.body.count, 0, path)
            XCTAssertEqual(head.header("Content-Type"), get.header("Content-Type"), path)
        }
        // HEAD is still authenticated.
        expectStatus(try await f.http.send("HEAD", "/api/v1/VoiceMail"), 401)
    }

    func testPersonalInfoAnswersTheCallerForEveryWayToSignIn() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let login = try await f.http.send("POST", "/api/v1/personal/login", body: Data("login=102&password=pass102".utf8))
        let session = try XCTUnwrap(login.header("Set-Cookie")?.split(separator: ";").first?.split(separator: "=").last)
        for auth: Auth in [.bearer("demo-102"), .basic("102", "pass102"), .cookie(String(session))] {
            let info = try await f.http.get("/api/v1/personal/info", auth: auth)
            expectStatus(info, 200)
            XCTAssertEqual(info.result["extension"] as? String, "102")
            XCTAssertEqual(info.result["name"] as? String, "Bob Nguyen")
        }
        expectStatus(try await f.http.get("/api/v1/personal/info", auth: nil), 401)
    }

    func testPathsAreCaseInsensitiveAndUnknownOnesAre404() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        expectStatus(try await f.http.get("/API/V1/voicemail?count=1"), 200)
        expectCode(try await f.http.get("/api/v1/VoiceMail/a/b/c"), "not_found")
        expectCode(try await f.http.get("/nothing"), "not_found")
        expectStatus(try await f.http.send("PATCH", "/api/v1/VoiceMail/Mailboxes", headers: Auth.bearer("demo-101").headers), 405)
    }

    func testTheSixtyFourKiBLimitSaysKiBAndErrorsNameNoServerPath() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let id = try await f.ids("101")[0]
        let big = try await f.http.put("/api/v1/VoiceMail/\(id)", body: Data(repeating: 0x20, count: 70 * 1024))
        expectStatus(big, 413)
        XCTAssertEqual(big.json["reason"] as? String, "The body is over 64 KiB")

        // A storage failure: INBOX of 103 replaced by a plain file, so filing a message fails.
        let inbox = f.directory.url.appendingPathComponent("103/INBOX")
        try? FileManager.default.removeItem(at: inbox)
        try Data("in the way".utf8).write(to: inbox)
        let failed = try await f.http.post(
            "/api/v1/VoiceMail?mailbox=103", body: TestAudio.wav(seconds: 1), headers: ["Content-Type": "audio/wav"])
        XCTAssertEqual(failed.status, 500)
        let text = String(decoding: failed.body, as: UTF8.self)
        XCTAssertFalse(text.contains(f.directory.url.path), text)
        XCTAssertFalse(text.contains("/tmp"), text)
        XCTAssertFalse(text.contains("INBOX"), text)
    }
}
