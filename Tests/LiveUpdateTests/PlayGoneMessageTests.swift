import AppCore
import Foundation
import Logging
import Synchronization
import VMTUIRuntime
import VoicemailClient
import XCTest

/// Hardening 22: playing a message that was deleted elsewhere is reported as gone (the screen
/// then says so and refreshes), not as a player failure.
final class PlayGoneMessageTests: XCTestCase {
    func testPlayingAMessageDeletedElsewhereReportsItGone() async throws {
        let pbx = try await LivePBX()
        defer { Task { await pbx.stop() } }
        let client = pbx.client(token: "demo-101")
        let inbox = try await client.allMessages(mailbox: nil, folder: .inbox).messages
        let message = try XCTUnwrap(inbox.first)
        _ = try await pbx.client(token: "demo-101").delete(ids: [message.id], mailbox: nil)

        let runner = AudioEffectRunner(
            client: client, player: "cat {file}", recorder: nil,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let reports = Mutex<[PlaybackReport]>([])
        runner.attach { event in
            if case .playback(.report(_, let report)) = event { reports.withLock { $0.append(report) } }
        }
        defer { Task { await runner.shutdown() } }
        _ = await runner.run(.play(RequestID(1), .message(message, mailbox: nil)))
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !reports.withLock({ $0.contains(.messageGone) || $0.contains { if case .failed = $0 { true } else { false } } }) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let seen = reports.withLock { $0 }
        XCTAssertTrue(seen.contains(.messageGone), "\(seen)")
        XCTAssertFalse(seen.contains { if case .failed = $0 { true } else { false } }, "\(seen)")
    }
}
