import Foundation
@testable import PBXSimulator
import XCTest

final class AuthAndPermissionTests: XCTestCase {
    func testThreeWaysToAuthenticateAndEveryKindOf401() async throws {
        let fixture = try await SimulatorFixture()
        addTeardownBlock { await fixture.stop() }
        let http = fixture.http

        expectStatus(try await http.get("/api/v1/VoiceMail", auth: .bearer("demo-101")), 200)
        expectStatus(try await http.get("/api/v1/VoiceMail", auth: .basic("101", "pass101")), 200)

        let login = try await http.send(
            "POST", "/api/v1/personal/login", headers: ["Content-Type": "application/x-www-form-urlencoded"],
            body: Data("login=101&password=pass101".utf8))
        XCTAssertEqual(login.status, 200)
        XCTAssertEqual(login.result["extension"] as? String, "101")
        XCTAssertEqual(login.result["name"] as? String, "Alice Martin")
        let cookie = try XCTUnwrap(login.header("Set-Cookie"))
        let session = try XCTUnwrap(cookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))
        expectStatus(try await http.get("/api/v1/VoiceMail", auth: .cookie(session)), 200)

        let badLogin = try await http.send(
            "POST", "/api/v1/personal/login", body: Data("login=101&password=wrong".utf8))
        XCTAssertEqual(badLogin.status, 401)
        XCTAssertNil(badLogin.header("Set-Cookie"))

        for auth: Auth? in [nil, .bearer("nope"), .basic("101", "wrong"), .basic("999", "x"), .cookie("forged")] {
            let answer = try await http.get("/api/v1/VoiceMail", auth: auth)
            XCTAssertEqual(answer.status, 401, "\(String(describing: auth))")
            XCTAssertEqual(answer.json["type"] as? String, "error")
            XCTAssertEqual(answer.errorCode, "unauthorized")
            XCTAssertTrue(answer.json.keys.contains("result"))
        }
        let garbage = try await http.send("GET", "/api/v1/VoiceMail", headers: ["Authorization": "Basic ***"])
        XCTAssertEqual(garbage.status, 401)
        // Even the audio spool needs credentials.
        expectStatus(try await http.get("/spoolview/voicemail/default/101/INBOX/msg0000.wav", auth: nil), 401)
    }

    func testGroupACLAllowsSupportDeskAndForbidsOthers() async throws {
        let fixture = try await SimulatorFixture()
        addTeardownBlock { await fixture.stop() }
        let http = fixture.http
        expectStatus(try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=101", auth: .bearer("demo-200")), 200)
        // Bob (102) is the demo's PIN mailbox.
        expectCode(try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=102", auth: .bearer("demo-200")), "pin_required")
        expectStatus(
            try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=102", auth: .bearer("demo-200"), headers: ["X-Voicemail-PIN": "pass1"]),
            200)
        let denied = try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=103", auth: .bearer("demo-200"))
        XCTAssertEqual(denied.status, 403)
        XCTAssertEqual(denied.errorCode, "forbidden")
        expectCode(try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=101", auth: .bearer("demo-102")), "forbidden")
        expectStatus(try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=999"), 404)
        expectStatus(try await http.get("/api/v1/VoiceMail?filter%5Bmailbox%5D=abc"), 400)

        // A message id of another mailbox names nothing the caller can see (ids are unique per
        // mailbox only): 404 for every id call, which also tells nothing about which ids exist
        // there; calls that name the mailbox are 403.
        let aliceID = try await fixture.ids("101")[0]
        let byID = [
            try await http.get("/api/v1/VoiceMail/\(aliceID)", auth: .bearer("demo-103")),
            try await http.get("/api/v1/VoiceMail/\(aliceID)/file", auth: .bearer("demo-103")),
            try await http.put("/api/v1/VoiceMail/\(aliceID)", auth: .bearer("demo-103")),
            try await http.delete("/api/v1/VoiceMail/\(aliceID)/", auth: .bearer("demo-103")),
        ]
        for answer in byID {
            XCTAssertEqual(answer.status, 404)
        }
        let byMailbox = [
            try await http.get("/spoolview/voicemail/default/101/msg\(aliceID).wav", auth: .bearer("demo-103")),
            try await http.get("/api/v1/VoiceMail/\(aliceID)?filter%5Bmailbox%5D=101", auth: .bearer("demo-103")),
            try await http.get("/api/v1/VoiceMail/Greetings?filter%5Bmailbox%5D=101", auth: .bearer("demo-103")),
        ]
        for answer in byMailbox {
            XCTAssertEqual(answer.status, 403)
        }
        let stillThere = try await fixture.ids("101")
        XCTAssertTrue(stillThere.contains(aliceID))

        let mailboxes = try await http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("demo-200"))
        XCTAssertEqual(mailboxes.records.map { $0["mailbox"] as? String }, ["200", "101", "102"])
        XCTAssertEqual(mailboxes.records.map { $0["own"] as? Bool }, [true, false, false])
        XCTAssertEqual(mailboxes.result["total"] as? String, "3")
    }

    func testPINIsNeededOnTopOfPermissionAndCannotUseWins() async throws {
        let fixture = try await SimulatorFixture(seed: nil, users: TestUsers.all)
        addTeardownBlock { await fixture.stop() }
        let http = fixture.http
        let id = try await fixture.deposit(into: "300")
        let list = "/api/v1/VoiceMail?filter%5Bmailbox%5D=300"

        expectCode(try await http.get(list, auth: .bearer("tok-500")), "pin_required")
        expectCode(try await http.get(list, auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "12345"]), "pin_wrong")
        expectStatus(try await http.get(list, auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"]), 200)
        expectCode(try await http.get("/api/v1/VoiceMail/\(id)", auth: .bearer("tok-500")), "pin_required")
        expectStatus(try await http.get("/api/v1/VoiceMail/\(id)", auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"]), 200)
        // The owner needs no PIN.
        expectStatus(try await http.get(list, auth: .bearer("tok-300")), 200)
        // The PIN never replaces permission: 101 is in "ops" but may not see it.
        expectCode(try await http.get(list, auth: .bearer("demo-101"), headers: ["X-Voicemail-PIN": "98765"]), "forbidden")
        // "Cannot use voicemail" wins over the group grant, even for the user's own mailbox.
        expectCode(try await http.get(list, auth: .bearer("tok-400"), headers: ["X-Voicemail-PIN": "98765"]), "forbidden")
        expectCode(try await http.get("/api/v1/VoiceMail", auth: .bearer("tok-400")), "forbidden")

        let mailboxes = try await http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-500"))
        let pinned = mailboxes.records.first { $0["mailbox"] as? String == "300" }
        XCTAssertEqual(pinned?["pinRequired"] as? Bool, true)
        let blocked = try await http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-400"))
        XCTAssertEqual(blocked.records.count, 0)
    }
}
