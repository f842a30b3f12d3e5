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
            options.limits.logSummaryInterval = .milliseconds(500)
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
        // Repeats are summarised: one line, then the count when the interval ends.
        try await log.waitFor("failed basic login for 101 from 127.0.0.1 (2 more in the last ")
        XCTAssertEqual(log.matching("failed basic login for 101").count, 2, "\(log.all)")
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
        // Three wrong PINs for one mailbox from one viewer: one line, then "2 more".
        try await log.waitFor("wrong PIN for mailbox 300 from 500 at 127.0.0.1 (2 more in the last ")
        XCTAssertEqual(log.matching("wrong PIN").count, 2, "\(log.all)")
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

extension GuessingLimitTests {
    private func rawStatus(_ port: Int, from source: String, _ target: String, authorization: String) throws -> Int {
        try RawConnection(port: port, source: source).exchange(
            "GET \(target) HTTP/1.1\r\nHost: x\r\nAuthorization: \(authorization)\r\nConnection: close\r\n\r\n").status
    }

    private func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    /// Issue 17.18: failed logins for 101 from one address lock 101 out at that address only;
    /// 101 still signs in from its own.
    func testWrongPasswordsFromElsewhereDoNotLockTheAccountOut() async throws {
        let f = try await fixture()
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        for _ in 0..<3 {
            XCTAssertEqual(try rawStatus(port, from: "127.0.5.1", "/api/v1/VoiceMail", authorization: basic("101", "wrong")), 401)
        }
        XCTAssertEqual(try rawStatus(port, from: "127.0.5.1", "/api/v1/VoiceMail", authorization: basic("101", "pass101")), 429)
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .basic("101", "pass101")), 200)
        XCTAssertEqual(try rawStatus(port, from: "127.0.5.2", "/api/v1/VoiceMail", authorization: basic("101", "pass101")), 200)
    }

    /// Issue 17.18: tokens guessed from ever new addresses (each under its own limit) meet the
    /// overall limit; an address that signed in before is not locked out by it.
    func testGuessesFromRotatingAddressesMeetTheOverallLimit() async throws {
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all) { options in
            options.limits.failuresPerAddress = 3
            options.limits.failuresOverall = 10
            options.limits.failureWindow = .seconds(60)
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer("demo-101")), 200)
        var statuses: [Int] = []
        for host in 1...20 {
            statuses.append(try rawStatus(port, from: "127.0.6.\(host)", "/api/v1/VoiceMail", authorization: "Bearer guess\(host)"))
        }
        XCTAssertEqual(statuses, Array(repeating: 401, count: 10) + Array(repeating: 429, count: 10))
        // A cookie is no way around it.
        let cookie = try RawConnection(port: port, source: "127.0.6.30").exchange(
            "GET /api/v1/VoiceMail HTTP/1.1\r\nHost: x\r\nCookie: PHPSESSID=guess\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(cookie.status, 429)
        // A new address is refused even with a right token; the known one goes on.
        XCTAssertEqual(try rawStatus(port, from: "127.0.6.31", "/api/v1/VoiceMail", authorization: "Bearer tok-500"), 429)
        expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer("demo-101")), 200)
    }

    /// The repeats counted when the server stops are logged then, not lost.
    func testRepeatsPendingAtStopAreLogged() async throws {
        let log = LogLines()
        let f = try await SimulatorFixture(seed: nil, users: TestUsers.all) { options in
            options.limits.logSummaryInterval = .seconds(600)
            options.logger = Logger(label: "test") { _ in CapturingLogHandler(lines: log) }
        }
        for _ in 0..<4 {
            expectStatus(try await f.http.get("/api/v1/VoiceMail", auth: .bearer("nope")), 401)
        }
        XCTAssertEqual(log.matching("failed bearer login").count, 1)
        await f.stop()
        XCTAssertEqual(log.matching("failed bearer login for ? from 127.0.0.1 (3 more in the last ").count, 1, "\(log.all)")
    }

    /// Issue 17.18: a flood of failures costs a few log lines and every one is counted.
    func testRepeatedWarningsAreSummarised() {
        let log = LogLines()
        let warnings = RepeatedWarnings(
            interval: .seconds(60), maxKeys: 3, logger: Logger(label: "test") { _ in CapturingLogHandler(lines: log) })
        for _ in 0..<1000 { warnings.warn(key: "a", "failed bearer login for ? from 127.0.0.9") }
        for host in 0..<500 { warnings.warn(key: "host\(host)", "failed bearer login for ? from 127.1.0.\(host)") }
        XCTAssertEqual(log.matching("failed").count, 3)
        warnings.flush()
        XCTAssertEqual(log.matching("127.0.0.9 (999 more in the last ").count, 1, "\(log.all)")
        XCTAssertEqual(log.matching("498 more failed or refused attempts from further users and addresses").count, 1)
        XCTAssertEqual(log.all.count, 5, "\(log.all)")
        // A new interval logs afresh.
        warnings.warn(key: "a", "failed bearer login for ? from 127.0.0.9")
        XCTAssertEqual(log.matching("failed bearer login for ? from 127.0.0.9").count, 3)
    }
}

final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    func matching(_ text: String) -> [String] { lines.withLock { $0.filter { $0.contains(text) } } }
    var all: [String] { lines.withLock { $0 } }

    /// Waits (up to 20 s) for a line containing `text`, e.g. a summary logged when its interval ends.
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) async throws {
        for _ in 0..<200 where matching(text).isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertFalse(matching(text).isEmpty, "no log line with \(text) in \(all)", file: file, line: line)
    }
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
