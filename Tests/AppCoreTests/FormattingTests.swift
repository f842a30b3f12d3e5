import AppCore
import DisplayText
import Foundation
import XCTest

final class FormattingTests: XCTestCase {
    func testShortDates() {
        let text = DateText(now: Fixtures.now, timeZone: Fixtures.utc)  // Friday 10:00
        XCTAssertEqual(text.short(Fixtures.date("2026-11-27T09:15:00Z")), "09:15")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-27T00:00:00Z")), "00:00")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-24T14:02:00Z")), "Tue 14:02")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-21T00:00:00Z")), "Sat 00:00")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-20T23:59:00Z")), "2026-11-20")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-03T09:05:00Z")), "2026-11-03")
        XCTAssertEqual(text.short(Fixtures.date("2026-11-28T09:05:00Z")), "2026-11-28", "future: full date")
    }

    func testDatesFollowTheConfiguredZone() {
        let tokyo = DateText(now: Fixtures.now, timeZone: TimeZone(identifier: "Asia/Tokyo")!)  // 19:00 there
        XCTAssertEqual(tokyo.short(Fixtures.date("2026-11-26T16:00:00Z")), "01:00")
        XCTAssertEqual(tokyo.full(Fixtures.date("2026-11-26T16:00:00Z")).prefix(24), "Fri 2026-11-27 01:00:00 ")
        XCTAssertTrue(tokyo.full(Fixtures.date("2026-11-26T16:00:00Z")).contains("UTC+09:00"))
        let utc = DateText(now: Fixtures.now, timeZone: Fixtures.utc)
        XCTAssertEqual(utc.full(Fixtures.date("2026-11-27T08:15:00Z")), "Fri 2026-11-27 08:15:00 UTC")
        // Debian's default zone is "Etc/UTC": still plain UTC, not "UTC (UTC+00:00)".
        let etc = DateText(now: Fixtures.now, timeZone: TimeZone(identifier: "Etc/UTC")!)
        XCTAssertEqual(etc.full(Fixtures.date("2026-11-27T08:15:00Z")), "Fri 2026-11-27 08:15:00 UTC")
        // London in winter is at +00:00 but has summer time: it shows its offset, not "UTC".
        let london = DateText(now: Fixtures.now, timeZone: TimeZone(identifier: "Europe/London")!)
        XCTAssertEqual(london.full(Fixtures.date("2026-11-27T08:15:00Z")), "Fri 2026-11-27 08:15:00 UTC+00:00")
    }

    func testWordWrapIsWideAware() {
        XCTAssertEqual(TextWrap.wrap("the quick brown fox", width: 10), ["the quick", "brown fox"])
        XCTAssertEqual(TextWrap.wrap("你好世界你好", width: 5), ["你好", "世界", "你好"])
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextWrap.wrap("one\n\ntwo", width: 10), ["one", "", "two"])
        for line in TextWrap.wrap("你好，我是王小明。明天下午三点的会议改到四点，请回电话。", width: 9) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 9)
        }
    }
}
