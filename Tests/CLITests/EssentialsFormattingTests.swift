import SystemBasics
import Foundation
import VMTUIRuntime
import XCTest

@testable import VMTUICLI

/// The CLI's text no longer comes from Foundation's formatters (issue 21): each replacement
/// is compared with what the formatter it replaced printed, over many instants and zones.
final class EssentialsFormattingTests: XCTestCase {
    private let zones = ["UTC", "Europe/Berlin", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/Sao_Paulo"]
        .map { TimeZone(identifier: $0)! }

    /// The old `Format.date`: a gregorian Calendar in the zone and String(format:).
    private func foundationDate(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    func testDatesAreTheBytesFoundationPrinted() {
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, -1, 59.999, 1_764_230_100, 951_782_400, 4_102_444_800, -2_208_988_800]
        for _ in 0..<400 { instants.append(Double(Int64.random(in: -3_000_000_000...5_000_000_000, using: &generator)) + 0.5) }
        for zone in zones {
            for seconds in instants {
                let date = Date(timeIntervalSince1970: seconds)
                XCTAssertEqual(Format.date(date, timeZone: zone), foundationDate(date, zone), "\(seconds) in \(zone.identifier)")
            }
        }
    }

    func testZeroPaddingIsPrintfs() {
        for value in [0, 7, 42, 999, 2026, 12345, -1, -42, -2026] {
            for width in [2, 4] {
                XCTAssertEqual(Format.digits(value, width), String(format: "%0\(width)d", value))
            }
        }
    }

    func testOneDecimalIsPrintfs() {
        var values: [Double] = [0, 0.05, 0.25, 0.35, 1.45, 2.5, 9.95, 12, 299.96, -0.04, 1e20, .infinity]
        for _ in 0..<500 { values.append(Double.random(in: 0...600)) }
        for value in values {
            XCTAssertEqual(FixedDecimal.text(value, places: 1), String(format: "%.1f", value), "\(value)")
        }
        XCTAssertEqual(FixedDecimal.text(3.14159, places: 3), String(format: "%.3f", 3.14159))
    }

    /// `--since 2026-03-29`: local midnight as DateComponents with the current calendar gave it.
    func testLocalMidnightIsCalendars() throws {
        let days = [(2026, 3, 29), (2026, 10, 25), (2026, 1, 1), (2024, 2, 29), (1999, 12, 31), (2026, 11, 1), (2026, 4, 5)]
        for zone in zones + [TimeZone(identifier: "America/Havana")!, TimeZone(identifier: "Asia/Gaza")!] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for (year, month, day) in days {
                let expected = DateComponents(calendar: calendar, year: year, month: month, day: day).date
                XCTAssertEqual(
                    LocalMidnight.instant(year: year, month: month, day: day, in: zone), expected,
                    "\(year)-\(month)-\(day) in \(zone.identifier)")
            }
        }
        XCTAssertNil(LocalMidnight.instant(year: 2026, month: 2, day: 30, in: zones[0]))
        XCTAssertNil(LocalMidnight.instant(year: 2025, month: 2, day: 29, in: zones[0]))
        XCTAssertEqual(DateInput.date(" 2026-11-30 ", zone: zones[1]), try Date("2026-11-29T23:00:00Z", strategy: .iso8601))
        XCTAssertEqual(DateInput.date("2026-11-30T10:00:00+02:00", zone: zones[1]), try Date("2026-11-30T08:00:00Z", strategy: .iso8601))
        XCTAssertNil(DateInput.date("2026-02-30", zone: zones[1]))
    }
}
