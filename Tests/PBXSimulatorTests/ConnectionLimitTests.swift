import Foundation
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
}
