import Foundation
@testable import PBXSimulator
import TestSupport
import XCTest

/// Raw HTTP requests to a running pbx-sim, mutated and random (seeded: a failure names its
/// case, which reproduces): the server never crashes, never hangs, never answers 500, and
/// every answer starts with a valid status line (or the connection is simply closed).
final class RawHTTPFuzzTests: XCTestCase {
    static let seed: UInt64 = 0x5EED_4177_0017_0020
    static let cases = 400

    /// Valid requests of every kind the server takes, to mutate.
    static func seeds(messageID id: String) -> [String] {
        let auth = "Authorization: Bearer demo-101\r\n"
        return [
            "GET /api/v1/VoiceMail?filter%5Bmailbox%5D=101&filter%5Bfolder%5D=INBOX&start=0&count=5&sort=date&dir=desc HTTP/1.1\r\nHost: x\r\n\(auth)\r\n",
            "GET /api/v1/VoiceMail/\(id) HTTP/1.1\r\nHost: x\r\n\(auth)If-None-Match: \"abc\"\r\n\r\n",
            "HEAD /api/v1/VoiceMail/\(id)/file HTTP/1.1\r\nHost: x\r\n\(auth)\r\n",
            "GET /spoolview/voicemail/default/101/INBOX/msg0000.wav HTTP/1.1\r\nHost: x\r\n\(auth)Range: bytes=0-99\r\n\r\n",
            "PUT /api/v1/VoiceMail/\(id) HTTP/1.1\r\nHost: x\r\n\(auth)Content-Type: application/json\r\nContent-Length: 26\r\n\r\n{\"read\":true,\"folder\":\"1\"}",
            "POST /api/v1/VoiceMail/\(id)/forward HTTP/1.1\r\nHost: x\r\n\(auth)Transfer-Encoding: chunked\r\n\r\n5\r\n{\"to\"\r\n8\r\n:[\"102\"]\r\n1\r\n}\r\n0\r\n\r\n",
            "POST /api/v1/personal/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 30\r\n\r\nlogin=101&password=wrongwrong1",
            "GET /api/v1/personal/info HTTP/1.1\r\nHost: x\r\nCookie: PHPSESSID=0123456789abcdef\r\n\r\n",
            "DELETE /api/v1/VoiceMail/1700000000-00000000,\(id)x HTTP/1.1\r\nHost: x\r\n\(auth)\r\n",
            "GET /api/v1/VoiceMail/Mailboxes HTTP/1.1\r\nHost: x\r\n\(auth)X-Voicemail-PIN: 12345\r\n\r\nGET /api/v1/VoiceMail/Greetings HTTP/1.1\r\nHost: x\r\n\(auth)Connection: close\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
        ]
    }

    static let alphabet = "GETPOSTHEAD /?=&%[]:;,\"\r\n\r\n HTTP/1.1 Content-Length: Transfer-Encoding: chunked 0123456789abcdef"

    func testRawRequestsNeverCrashHangOrFailInside() async throws {
        let f = try await SimulatorFixture { options in
            // Whatever a case leaves unfinished is cut off soon; the fuzz has no time to wait.
            options.limits.idleTimeout = .seconds(2)
            options.limits.requestTimeout = .seconds(2)
            options.limits.failuresPerAddress = 1_000_000
            options.limits.failuresPerUser = 1_000_000
            options.limits.failuresOverall = 1_000_000
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let id = try await f.ids("101")[0]
        let seeds = Self.seeds(messageID: id).map { Array($0.utf8) }
        var rng = SeededGenerator(seed: Self.seed)
        for number in 0..<Self.cases {
            let bytes: [UInt8]
            switch number % 10 {
            case 9: bytes = Mutator.random(length: Int.random(in: 0...300, using: &rng), alphabet: Self.alphabet, using: &rng)
            case 8: bytes = Mutator.mutate(Mutator.mutate(seeds.randomElement(using: &rng)!, using: &rng), using: &rng)
            default: bytes = Mutator.mutate(seeds.randomElement(using: &rng)!, using: &rng)
            }
            let shown = String(decoding: bytes.prefix(200), as: UTF8.self).debugDescription
            let connection = try RawConnection(port: port, timeoutSeconds: 15)
            // The server may answer and close before it has read everything.
            try? connection.send(Data(bytes))
            connection.finishSending()
            let answer: Data
            do {
                answer = try connection.readUntilClosed()
            } catch {
                XCTFail("case \(number): the server neither answered nor closed: \(error); sent \(shown)")
                continue
            }
            for status in Self.statuses(in: answer) {
                XCTAssertTrue((100...599).contains(status) && status != 500, "case \(number): status \(status); sent \(shown)")
            }
            if !answer.isEmpty, Self.statuses(in: answer).isEmpty {
                XCTFail("case \(number): no status line in \(String(decoding: answer.prefix(80), as: UTF8.self).debugDescription); sent \(shown)")
            }
        }
        // Still serving.
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)
    }

    /// The status of every answer in a connection's output (pipelined requests get several).
    static func statuses(in answer: Data) -> [Int] {
        String(decoding: answer, as: UTF8.self).components(separatedBy: "\r\n").compactMap { line in
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard line.hasPrefix("HTTP/1."), parts.count >= 2, parts[1].count == 3 else { return nil }
            return Int(parts[1])
        }
    }

    /// Issue 17.20: a chunked body the parser rejects is the client's error: 400, then the
    /// connection closes (the parser cannot find the next request).
    func testAMalformedChunkedBodyIsABadRequest() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let id = try await f.ids("101")[0]
        let bodies = ["zz\r\nlogin=101\r\n0\r\n\r\n", "5\r\nlogin=101&password=pass101\r\n0\r\n\r\n", "-1\r\nx\r\n0\r\n\r\n"]
        for body in bodies {
            let login = try RawConnection(port: port).exchange(
                "POST /api/v1/personal/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            XCTAssertEqual(login.status, 400, body.debugDescription)
            let update = try RawConnection(port: port).exchange(
                "PUT /api/v1/VoiceMail/\(id) HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-101\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + body)
            XCTAssertEqual(update.status, 400, body.debugDescription)
        }
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)
    }
}
