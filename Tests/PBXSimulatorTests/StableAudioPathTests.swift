import Foundation
@testable import PBXSimulator
import XCTest

/// The audio redirect names the message, not its position: a renumbering between the 302 and
/// the fetch cannot hand over another message's audio.
final class StableAudioPathTests: XCTestCase {
    func testRenumberingBetweenRedirectAndFetchStillServesTheSameMessage() async throws {
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all)
        addTeardownBlock { await f.stop() }
        // Lengths differ, so each message's audio is recognisable by its size.
        var ids: [String] = []
        for seconds in [1.0, 2.0, 3.0] { ids.append(try await f.deposit(into: "101", seconds: seconds)) }
        let target = ids[2]
        let expected = try await f.message(target)["size"] as? Int

        let redirect = try await f.http.get("/api/v1/VoiceMail/\(target)/file")
        expectStatus(redirect, 302)
        let location = try XCTUnwrap(redirect.header("Location"))

        // Renumber: delete the first two (msg0000, msg0001); the target moves to msg0000.
        expectStatus(try await f.http.delete("/api/v1/VoiceMail/\(ids[0]),\(ids[1])/"), 200)
        let audio = try await f.http.get(location)
        expectStatus(audio, 200)
        XCTAssertEqual(audio.body.count, expected)

        // Moved to another folder in between: still the same message.
        let second = try await f.http.get("/api/v1/VoiceMail/\(target)/file")
        let again = try XCTUnwrap(second.header("Location"))
        expectStatus(try await f.http.put("/api/v1/VoiceMail/\(target)", json: #"{"folder":"Work"}"#), 200)
        let moved = try await f.http.get(again)
        expectStatus(moved, 200)
        XCTAssertEqual(moved.body.count, expected)

        // Gone: 404, never another message.
        expectStatus(try await f.http.delete("/api/v1/VoiceMail/\(target)/"), 200)
        expectStatus(try await f.http.get(again), 404)
    }
}
