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
}
