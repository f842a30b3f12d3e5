import Foundation
@testable import PBXSimulator
import XCTest

/// Loopback load: while idle connections and big, slow uploads are held open, normal requests
/// are still answered (every step is bounded by a socket or request timeout, nothing is timed).
final class LoadTests: XCTestCase {
    func testNormalRequestsAreAnsweredWhileIdleConnectionsAndBigUploadsAreHeldOpen() async throws {
        let f = try await SimulatorFixture { options in
            options.limits.maxConcurrentUploads = 4
            options.limits.idleTimeout = .seconds(20)
        }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let idle = try (0..<200).map { _ in try RawConnection(port: port) }
        // Four 19 MiB uploads, a quarter sent, then held.
        let uploads = try (0..<4).map { _ -> RawConnection in
            let connection = try RawConnection(port: port)
            try connection.send(
                "POST /api/v1/VoiceMail?mailbox=102 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-102\r\n"
                    + "Content-Type: audio/wav\r\nContent-Length: \(19 * 1024 * 1024)\r\n\r\n")
            try connection.send(Data(repeating: 0, count: 5 * 1024 * 1024))
            return connection
        }
        let ids = try await f.ids("101")
        try await withThrowingTaskGroup(of: Int.self) { group in
            for round in 0..<60 {
                group.addTask {
                    switch round % 4 {
                    case 0: try await f.http.get("/api/v1/VoiceMail?count=5").status
                    case 1: try await f.http.get("/api/v1/VoiceMail/Mailboxes").status
                    case 2: try await f.http.get("/api/v1/VoiceMail/\(ids[round % ids.count])").status
                    default: try await f.http.get("/api/v1/personal/info", auth: .basic("101", "pass101")).status
                    }
                }
            }
            for try await status in group { XCTAssertEqual(status, 200) }
        }
        // Uploads beyond the four held ones are refused, not queued behind them.
        let extra = try await f.http.post(
            "/api/v1/VoiceMail?mailbox=101", body: TestAudio.wav(seconds: 1), headers: ["Content-Type": "audio/wav"])
        expectStatus(extra, 503)
        withExtendedLifetime((idle, uploads)) {}
    }
}
