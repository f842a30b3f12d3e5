import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import PBXSimulator
import XCTest

/// Idle and slow connections cannot starve the server: they are closed after the idle
/// timeout, and a normal request is answered while many are held open.
final class ConnectionLimitTests: XCTestCase {
    func testIdleConnectionsAreClosedAndNormalRequestsStillAnswered() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.idleTimeout = .seconds(1)
            options.limits.maxConnections = 50
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        // More bare connects than the server allows at once, plus one stalled half-way
        // through its headers (slowloris).
        var idle = try (0..<120).map { _ in try RawConnection(port: port) }
        let slow = try RawConnection(port: port)
        try slow.send("GET /api/v1/VoiceMail HTTP/1.1\r\nHost: x\r\n")
        idle.append(slow)

        for _ in 0..<5 { expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200) }

        // Every one of them is closed by the server (the read ends instead of timing out).
        for connection in idle { _ = try connection.readUntilClosed() }
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)
    }

    func testAtTheConnectionLimitTheLongestIdleConnectionMakesRoom() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.idleTimeout = .seconds(120)
            options.limits.maxConnections = 10
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let idle = try (0..<40).map { _ in try RawConnection(port: port) }
        // Well before any idle timeout could free a slot, the request is answered.
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 15
        let session = URLSession(configuration: configuration)
        var request = URLRequest(url: URL(string: f.simulator.baseURL.absoluteString + "/api/v1/VoiceMail?count=1")!)
        request.setValue("Bearer demo-101", forHTTPHeaderField: "Authorization")
        for _ in 0..<3 {
            let (_, response) = try await session.data(for: request)
            XCTAssertEqual((response as? HTTPURLResponse)?.statusCode, 200)
        }
        withExtendedLifetime(idle) {}
    }

    /// A login that announces 60,000 bytes and sends them one at a time: sent on `count`
    /// connections from `addresses` (in turn).
    private func startTricklingLogins(port: Int, count: Int, addresses: [String]) throws -> [RawConnection] {
        try (0..<count).map { index in
            let connection = try RawConnection(port: port, source: addresses[index % addresses.count])
            try connection.send(
                "POST /api/v1/personal/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 60000\r\n\r\nl")
            return connection
        }
    }

    private func statusFromURLSession(_ f: SimulatorFixture) async throws -> Int? {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 15
        let session = URLSession(configuration: configuration)
        var request = URLRequest(url: URL(string: f.simulator.baseURL.absoluteString + "/api/v1/VoiceMail?count=1")!)
        request.setValue("Bearer demo-101", forHTTPHeaderField: "Authorization")
        let (_, response) = try await session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode
    }

    /// Issue 17.13: every slot held by a request body trickling in (each byte resets the idle
    /// timer) no longer keeps a real request out: a connection still sending makes room.
    func testTricklingBodiesOnEverySlotLeaveRoomForARealRequest() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.idleTimeout = .seconds(120)
            options.limits.requestTimeout = .seconds(120)
            options.limits.maxConnections = 20
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let addresses = (2..<42).map { "127.0.3.\($0)" }
        let slow = try startTricklingLogins(port: port, count: 40, addresses: addresses)
        for connection in slow { try? connection.send("o") }
        for _ in 0..<3 {
            let status = try await statusFromURLSession(f)
            XCTAssertEqual(status, 200)
        }
        withExtendedLifetime(slow) {}
    }

    /// Issue 17.13: a request must arrive whole within the request timeout, however steadily
    /// its bytes keep coming.
    func testARequestTricklingInPastItsDeadlineIsClosed() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.idleTimeout = .seconds(120)
            options.limits.requestTimeout = .seconds(1)
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let connection = try XCTUnwrap(try startTricklingLogins(port: port, count: 1, addresses: ["127.0.0.1"]).first)
        var closed = false
        // Far more bytes than the deadline allows, one every 100 ms; the server must end it.
        for _ in 0..<200 where !closed {
            try? connection.send("o")
            try await Task.sleep(for: .milliseconds(100))
            closed = connection.isClosedByPeer()
        }
        XCTAssertTrue(closed, "the trickling request was never cut off")
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)
    }

    /// Issue 17.13: one address flooding the server is held to its own share: another
    /// client's request in progress is not closed to make room for it, and the flooding
    /// address itself can still be answered (its own oldest connections make room).
    func testOneAddressIsHeldToItsShareOfConnections() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.idleTimeout = .seconds(120)
            options.limits.requestTimeout = .seconds(120)
            options.limits.maxConnections = 30
            options.limits.maxConnectionsPerAddress = 10
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let other = try XCTUnwrap(try startTricklingLogins(port: port, count: 1, addresses: ["127.0.4.1"]).first)
        let flood = try startTricklingLogins(port: port, count: 60, addresses: ["127.0.0.1"])
        let status = try await statusFromURLSession(f)
        XCTAssertEqual(status, 200)
        // The other address's request was left alone: it can finish and be answered.
        try other.send(String(repeating: "x", count: 59_999))
        let answer = try other.readAnswerHead()
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 400"), answer.prefix(60).debugDescription)
        withExtendedLifetime(flood) {}
    }
}
