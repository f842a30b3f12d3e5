import AppCore
import Foundation
import XCTest

/// DateText and WallClock count days and hours themselves (no Calendar, so no ICU on the
/// screen's path); these tests hold them to what Foundation's gregorian Calendar says, in
/// zones with summer time, half-hour offsets and clocks that jump at midnight.
final class WallClockTests: XCTestCase {
    private let zones = [
        "UTC", "Etc/UTC", "Europe/London", "Europe/Berlin", "America/New_York", "America/Santiago",
        "America/Sao_Paulo", "America/Havana", "Asia/Beirut", "Asia/Tokyo", "Asia/Kathmandu",
        "Australia/Lord_Howe", "Pacific/Apia", "Africa/Casablanca", "America/St_Johns",
    ]

    /// Every 7h13m over 1969–1971 and 2021–2027 (both sides of the epoch, several summer times).
    private var instants: [Date] {
        let step = 7.0 * 3600 + 13 * 60 + 17
        let spans: [(Double, Double)] = [(-31_536_000, 31_536_000), (1_609_459_200, 1_830_297_600)]
        return spans.flatMap { start, end in stride(from: start, to: end, by: step).map { Date(timeIntervalSince1970: $0) } }
    }

    func testWallClockMatchesCalendar() throws {
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for date in instants {
                let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
                let wall = WallClock(date, in: zone)
                let expected = [c.year, c.month, c.day, c.hour, c.minute, c.second, c.weekday].map { $0 ?? -1 }
                let actual = [wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second, wall.weekday]
                XCTAssertEqual(actual, expected, "\(name) at \(date)")
                if actual != expected { break }
            }
        }
    }

    /// The old Calendar-based `short` against the new one, with `now` and the message both
    /// moving across day and summer-time boundaries.
    func testShortDatesMatchCalendar() throws {
        for name in zones {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for (index, now) in instants.enumerated() where index % 31 == 0 {
                let text = DateText(now: now, timeZone: zone)
                for back in stride(from: -86_400.0, to: 9 * 86_400, by: 3 * 3600 + 17 * 60) {
                    let date = now.addingTimeInterval(-back)
                    let expected = Self.calendarShort(date, now: now, calendar: calendar)
                    XCTAssertEqual(text.short(date), expected, "\(name): now \(now), date \(date)")
                    if text.short(date) != expected { return }
                }
            }
        }
    }

    private static func calendarShort(_ date: Date, now: Date, calendar: Calendar) -> String {
        let startOfToday = calendar.startOfDay(for: now)
        let startOfWeekWindow = calendar.date(byAdding: .day, value: -6, to: startOfToday) ?? startOfToday
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
        let pad = { (v: Int?) in (v ?? 0) < 10 ? "0\(v ?? 0)" : "\(v ?? 0)" }
        let time = pad(c.hour) + ":" + pad(c.minute)
        let endOfToday = calendar.date(byAdding: .day, value: 1, to: startOfToday) ?? now
        if date >= startOfToday, date < endOfToday { return time }
        if date >= startOfWeekWindow, date < startOfToday {
            return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][((c.weekday ?? 1) - 1) % 7] + " " + time
        }
        return "\(c.year ?? 0)-\(pad(c.month))-\(pad(c.day))"
    }
}
