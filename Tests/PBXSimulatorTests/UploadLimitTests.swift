import Foundation
@testable import PBXSimulator
import XCTest

/// Uploads go to a staged file as they arrive, at most N at once; an oversized body is
/// answered 413 and the connection ends even when the client writes the whole body first.
final class UploadLimitTests: XCTestCase {
    private func startUpload(port: Int, bytes: Int, sending: Int) throws -> RawConnection {
        let connection = try RawConnection(port: port)
        try connection.send(
            "POST /api/v1/VoiceMail?mailbox=101 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-101\r\n"
                + "Content-Type: audio/wav\r\nContent-Length: \(bytes)\r\n\r\n")
        try connection.send(Data(TestAudio.wav(seconds: 60).prefix(sending)))
        return connection
    }

    func testConcurrentUploadsBeyondTheCapAre503AndBodiesAreStagedOnDisk() async throws {
        let f = try await SimulatorFixture { $0.limits.maxConcurrentUploads = 2 }
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let held = try (0..<2).map { _ in try startUpload(port: port, bytes: 900_000, sending: 300_000) }

        // Both are being written to staged files, not kept in memory.
        let staging = f.directory.url.appendingPathComponent("tmp")
        var staged: [URL] = []
        for _ in 0..<200 where staged.count < 2 {
            staged = (try? FileManager.default.contentsOfDirectory(at: staging, includingPropertiesForKeys: nil)) ?? []
            try await Task.sleep(for: .milliseconds(50))
        }
        XCTAssertEqual(staged.count, 2)

        let refused = try await f.http.post(
            "/api/v1/VoiceMail?mailbox=101", body: TestAudio.wav(seconds: 1), headers: ["Content-Type": "audio/wav"])
        expectStatus(refused, 503)
        XCTAssertNotNil(refused.header("Retry-After"))
        // Reads are not uploads: still answered.
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)

        withExtendedLifetime(held) {}
    }

    func testOversizedBodyWithConnectionCloseGets413AndTheConnectionEnds() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let port = try XCTUnwrap(f.simulator.baseURL.port)
        let size = 24 * 1024 * 1024
        let connection = try RawConnection(port: port)
        // A naive client: the whole body first, then it reads.
        try connection.send(
            "POST /api/v1/VoiceMail?mailbox=101 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-101\r\n"
                + "Content-Type: audio/wav\r\nContent-Length: \(size)\r\nConnection: close\r\n\r\n")
        try connection.send(Data(repeating: 0x41, count: size))
        let answer = String(decoding: try connection.readUntilClosed(), as: UTF8.self)
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 413"), String(answer.prefix(200)))
        XCTAssertTrue(answer.contains("over 20 MiB"), String(answer.prefix(400)))
        expectStatus(try await f.http.get("/api/v1/VoiceMail?count=1"), 200)
    }
}
