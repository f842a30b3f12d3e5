import DisplayText
import VoicemailModel
import XCTest

/// Issue 20 item 4: "37 of 100", a warning from 90 %, said plainly when callers are refused.
final class CapacityGaugeTests: XCTestCase {
    func testLevelsAndWords() {
        XCTAssertEqual(CapacityGauge(used: 37, limit: 100).text, "37 of 100")
        XCTAssertEqual(CapacityGauge(used: 37, limit: 100).level, .fine)
        XCTAssertEqual(CapacityGauge(used: 89, limit: 100).level, .fine)
        XCTAssertEqual(CapacityGauge(used: 90, limit: 100).level, .nearlyFull)
        XCTAssertEqual(CapacityGauge(used: 99, limit: 100).level, .nearlyFull)
        XCTAssertEqual(CapacityGauge(used: 100, limit: 100).level, .full)
        XCTAssertEqual(CapacityGauge(used: 100, limit: 100).sentence, "100 of 100, full: callers cannot leave a message")
        XCTAssertEqual(CapacityGauge(used: 9, limit: 10).level, .nearlyFull)
    }

    func testTheSummarySaysWhatTheLimitCounts() {
        let folders = [FolderCount(folder: .inbox, total: 40, unread: 40), FolderCount(folder: .old, total: 55, unread: 0)]
        var summary = MailboxSummary(
            mailbox: "1", name: "A", own: true, newCount: 40, oldCount: 55, total: 95, unread: 40, capacity: 100, folders: folders)
        XCTAssertEqual(CapacityGauge(summary), CapacityGauge(used: 95, limit: 100), "the whole mailbox (pbx-sim, Wildix)")
        summary.capacityPerFolder = true
        XCTAssertEqual(CapacityGauge(summary), CapacityGauge(used: 40, limit: 100), "INBOX, where callers leave messages (Asterisk)")
        summary.capacity = nil
        XCTAssertNil(CapacityGauge(summary))
    }

    func testAges() {
        XCTAssertEqual(DurationText.age(42), "42s")
        XCTAssertEqual(DurationText.age(600), "10m")
        XCTAssertEqual(DurationText.age(7200), "2h")
        XCTAssertEqual(DurationText.age(3 * 86_400 + 5), "3d")
    }
}
