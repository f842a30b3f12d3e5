import Foundation
@testable import PBXSimulator
import XCTest

/// The Mailboxes list shows a PIN-protected mailbox, but its counts only with its PIN.
final class MailboxesPINTests: XCTestCase {
    func testCountsOfAPINProtectedMailboxNeedThePIN() async throws {
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all)
        addTeardownBlock { await f.stop() }
        _ = try await f.deposit(into: "300")
        _ = try await f.deposit(into: "101")

        func row(_ answer: HTTPResult, _ mailbox: String) -> [String: Any]? {
            answer.records.first { $0["mailbox"] as? String == mailbox }
        }
        let without = try await f.http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-500"))
        expectStatus(without, 200)
        let hidden = try XCTUnwrap(row(without, "300"))
        XCTAssertEqual(hidden["pinRequired"] as? Bool, true)
        XCTAssertEqual(hidden["name"] as? String, "Pinned")
        for key in ["new", "old", "total", "unread", "folders"] { XCTAssertNil(hidden[key], key) }
        // Mailboxes without a PIN keep their counts.
        XCTAssertEqual(row(without, "101")?["total"] as? Int, 1)

        let with = try await f.http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"])
        expectStatus(with, 200)
        XCTAssertEqual(row(with, "300")?["total"] as? Int, 1)
        XCTAssertEqual(row(with, "300")?["new"] as? Int, 1)
        XCTAssertNotEqual(with.header("ETag"), without.header("ETag"))

        expectCode(
            try await f.http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "00000"]),
            "pin_wrong")
        // The owner sees its own counts without a PIN.
        let own = try await f.http.get("/api/v1/VoiceMail/Mailboxes", auth: .bearer("tok-300"))
        XCTAssertEqual(row(own, "300")?["total"] as? Int, 1)
    }

    /// Issue 17.20: without the PIN, an id that exists in a PIN mailbox and one that exists
    /// nowhere get the same answer (status and body), so ids cannot be probed past the PIN.
    func testKnownAndUnknownIdsAnswerAlikeWithoutThePIN() async throws {
        // Four wrong PINs are sent on purpose; the lock is not what is tested here.
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all) { $0.limits.failuresPerUser = 20 }
        addTeardownBlock { await f.stop() }
        let known = try await f.deposit(into: "300")
        let unknown = "1700000000-0badc0de"

        func answers(_ id: String, filter: Bool, pin: String?) async throws -> (Int, String) {
            let path = "/api/v1/VoiceMail/\(id)" + (filter ? "?filter%5Bmailbox%5D=300" : "")
            let answer = try await f.http.get(path, auth: .bearer("tok-500"), headers: pin.map { ["X-Voicemail-PIN": $0] } ?? [:])
            return (answer.status, String(decoding: answer.body, as: UTF8.self).replacingOccurrences(of: id, with: "ID"))
        }
        for filter in [true, false] {
            for pin in [nil, "11111"] {
                let (knownStatus, knownBody) = try await answers(known, filter: filter, pin: pin)
                let (unknownStatus, unknownBody) = try await answers(unknown, filter: filter, pin: pin)
                XCTAssertEqual(knownStatus, 403, "filter \(filter), PIN \(pin ?? "none")")
                XCTAssertEqual(unknownStatus, knownStatus, "filter \(filter), PIN \(pin ?? "none")")
                XCTAssertEqual(unknownBody, knownBody, "filter \(filter), PIN \(pin ?? "none")")
            }
        }
        // With the PIN the message is there, and an unknown id is simply not found.
        let opened = try await answers(known, filter: false, pin: "98765")
        XCTAssertEqual(opened.0, 200)
        let missing = try await answers(unknown, filter: true, pin: "98765")
        XCTAssertEqual(missing.0, 404)
        // The same holds for a delete naming it.
        let delete = try await f.http.send("DELETE", "/api/v1/VoiceMail/\(unknown)", headers: ["Authorization": "Bearer tok-500"])
        expectCode(delete, "pin_required")
    }
}
