import Foundation
@testable import PBXSimulator
import XCTest

/// `--flavor wildix` answers the publicly documented calls only, in their minimal shapes.
final class WildixFlavorTests: XCTestCase {
    private func wildix() async throws -> SimulatorFixture {
        let f = try await SimulatorFixture { $0.flavor = .wildix }
        addTeardownBlock { await f.stop() }
        return f
    }

    func testListHasAStringTotalAndRecordsCarryTheirSpoolAudioURL() async throws {
        let f = try await wildix()
        let list = try await f.http.get("/api/v1/VoiceMail?filter%5Bfolder%5D=INBOX")
        expectStatus(list, 200)
        XCTAssertNotNil(list.result["total"] as? String)
        XCTAssertNil(list.header("ETag"), "conditional requests are a vmtui extension")
        let record = try XCTUnwrap(list.records.first)
        let url = try XCTUnwrap(record["fileUrl"] as? String)
        XCTAssertTrue(url.hasPrefix("/spoolview/voicemail/default/101/INBOX/msg"), url)
        let audio = try await f.http.get(url)
        expectStatus(audio, 200)
        XCTAssertEqual(audio.body.count, record["size"] as? Int)
    }

    func testPUTMarksReadWhateverTheBodySaysAndAnswersNull() async throws {
        let f = try await wildix()
        let id = try await f.ids("101", folder: "INBOX")[0]
        // A vmtui client asking for "unread" or a move: a PBX that ignores bodies marks read.
        let put = try await f.http.put("/api/v1/VoiceMail/\(id)", json: #"{"read":false,"folder":"Work"}"#)
        expectStatus(put, 200)
        XCTAssertEqual(put.json["type"] as? String, "result")
        XCTAssertTrue(put.json.keys.contains("result"))
        XCTAssertTrue(put.json["result"] is NSNull)
        let old = try await f.ids("101", folder: "Old")
        let work = try await f.ids("101", folder: "Work")
        XCTAssertTrue(old.contains(id))
        XCTAssertFalse(work.contains(id))
    }

    func testDeleteNeedsTheTrailingSlashAndAnswersNull() async throws {
        let f = try await wildix()
        let ids = try await f.ids("101")
        expectStatus(try await f.http.delete("/api/v1/VoiceMail/\(ids[0])"), 404)
        let deleted = try await f.http.delete("/api/v1/VoiceMail/\(ids[0]),\(ids[1])/")
        expectStatus(deleted, 200)
        XCTAssertTrue(deleted.json["result"] is NSNull)
        let left = try await f.ids("101")
        XCTAssertFalse(left.contains(ids[0]) || left.contains(ids[1]))
    }

    func testSessionLoginIsMinimalWithACookieNotNamedPHPSESSIDAndPersonalInfoWorksForAll() async throws {
        let f = try await wildix()
        let login = try await f.http.send("POST", "/api/v1/personal/login", body: Data("login=101&password=pass101".utf8))
        expectStatus(login, 200)
        XCTAssertTrue(login.json["result"] is NSNull)
        let cookie = try XCTUnwrap(login.header("Set-Cookie")?.split(separator: ";").first)
        let parts = cookie.split(separator: "=", maxSplits: 1).map(String.init)
        XCTAssertNotEqual(parts[0], "PHPSESSID")
        let byCookie: [String: String] = ["Cookie": String(cookie)]
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: nil, headers: byCookie), 200)
        // The full flavor's cookie name means nothing here.
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .cookie(parts[1])), 401)
        for auth: Auth? in [.bearer("demo-101"), .basic("101", "pass101"), nil] {
            let info = try await f.http.get("/api/v1/personal/info", auth: auth, headers: auth.map { _ in [:] } ?? byCookie)
            expectStatus(info, 200)
            XCTAssertEqual(info.result["extension"] as? String, "101")
            XCTAssertEqual(info.result["name"] as? String, "Alice Martin")
        }
    }

    func testEveryExtensionIs404AndErrorsCarryNoCode() async throws {
        let f = try await wildix()
        let id = try await f.ids("101")[0]
        let auth = Auth.bearer("demo-101").headers
        let calls: [(String, String)] = [
            ("GET", "/api/v1/VoiceMail/Mailboxes"), ("GET", "/api/v1/VoiceMail/Greetings"),
            ("GET", "/api/v1/VoiceMail/Greetings/unavailable"), ("GET", "/api/v1/VoiceMail/Greetings/unavailable/file"),
            ("PUT", "/api/v1/VoiceMail/Greetings/unavailable/file"), ("DELETE", "/api/v1/VoiceMail/Greetings/busy"),
            ("GET", "/api/v1/VoiceMail/\(id)"), ("GET", "/api/v1/VoiceMail/\(id)/file"),
            ("POST", "/api/v1/VoiceMail/\(id)/forward"), ("POST", "/api/v1/VoiceMail?mailbox=102"),
            ("PATCH", "/api/v1/VoiceMail/\(id)"),
        ]
        for (method, path) in calls {
            let answer = try await f.http.send(method, path, headers: auth, body: method == "GET" ? nil : Data("{}".utf8))
            XCTAssertEqual(answer.status, 404, "\(method) \(path)")
            XCTAssertEqual(answer.json["type"] as? String, "error", "\(method) \(path)")
            XCTAssertNil(answer.json["code"], "\(method) \(path)")
        }
        let left = try await f.ids("101")
        XCTAssertTrue(left.contains(id))
    }
}
