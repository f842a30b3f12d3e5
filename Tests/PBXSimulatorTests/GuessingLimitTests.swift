import Foundation
import Synchronization
import Logging
@testable import PBXSimulator
import XCTest

/// Failed logins and PINs lock their user and address for a window; the right secret does not
/// get through until it has passed, and every failure is logged.
final class GuessingLimitTests: XCTestCase {
    private func fixture(log: LogLines? = nil) async throws -> SimulatorFixture {
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all) { options in
            options.limits.failuresPerUser = 3
            options.limits.failuresPerAddress = 50
            options.limits.failureWindow = .seconds(2)
            if let log { options.logger = Logger(label: "test") { _ in CapturingLogHandler(lines: log) } }
        }
        addTeardownBlock { await f.stop() }
        return f
    }

    func testRightPasswordAfterABurstOfWrongOnesWaitsForTheWindow() async throws {
        let log = LogLines()
        let f = try await fixture(log: log)
        for _ in 0..<3 {
            expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .basic("101", "wrong")), 401)
        }
        let locked = try await f.http.get("/api/v1/VoiceMail", auth: .basic("101", "pass101"))
        expectStatus(locked, 429)
        let wait = try XCTUnwrap(locked.header("Retry-After").flatMap(Int.init))
        XCTAssertTrue((1...2).contains(wait), "Retry-After \(wait)")
        let login = try await f.http.send("POST", "/api/v1/personal/login", body: Data("login=101&password=pass101".utf8))
        expectStatus(login, 429)
        XCTAssertNil(login.header("Set-Cookie"))
        // Other users are not locked out by 101's guesser (the address limit is higher).
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .basic("500", "pass500")), 200)

        try await Task.sleep(for: .seconds(wait))
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .basic("101", "pass101")), 200)
        XCTAssertEqual(log.matching("failed basic login for 101").count, 3)
        XCTAssertEqual(log.matching("refused").count, 2)
    }

    func testWrongPINsLockThePINUntilTheWindowPasses() async throws {
        let log = LogLines()
        let f = try await fixture(log: log)
        let id = try await f.deposit(into: "300")
        let list = "/api/v1/VoiceMail?filter%5Bmailbox%5D=300"
        for pin in ["11111", "22222"] {
            expectCode(try await f.http.get(list, auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": pin]), "pin_wrong")
        }
        // A wrong PIN on an audio path counts as much as one on a list.
        expectCode(
            try await f.http.get("/spoolview/voicemail/default/300/msg\(id).wav", auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "33333"]),
            "pin_wrong")
        let locked = try await f.http.get(list, auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"])
        expectStatus(locked, 429)
        // The audio paths are no way around it.
        let audio = try await f.http.get(
            "/spoolview/voicemail/default/300/INBOX/msg\(id).wav", auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"])
        expectStatus(audio, 429)
        let wait = try XCTUnwrap(locked.header("Retry-After").flatMap(Int.init))
        try await Task.sleep(for: .seconds(wait))
        expectStatus(try await f.http.get(list, auth: .bearer("tok-500"), headers: ["X-Voicemail-PIN": "98765"]), 200)
        XCTAssertEqual(log.matching("wrong PIN").count, 3)
    }

    func testManyAddressesWorthOfGuessesForDifferentUsersHitTheAddressLimit() async throws {
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all) { options in
            options.limits.failuresPerUser = 100
            options.limits.failuresPerAddress = 4
            options.limits.failureWindow = .seconds(30)
        }
        addTeardownBlock { await f.stop() }
        for token in ["a", "b", "c", "d"] {
            expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer(token)), 401)
        }
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer("demo-101")), 429)
    }
}

final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    func matching(_ text: String) -> [String] { lines.withLock { $0.filter { $0.contains(text) } } }
}

struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lines.append("\(event.level) \(event.message)")
    }
}
