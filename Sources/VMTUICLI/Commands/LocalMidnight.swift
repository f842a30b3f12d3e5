import AppCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The instant a day starts on the local clock, as `DateComponents(year:month:day:).date`
/// with the current calendar gave it, worked out from the zone's offsets alone.
enum LocalMidnight {
    /// nil for a day the month does not have (2026-02-30).
    static func instant(year: Int, month: Int, day: Int, in zone: any ZoneRules) -> Date? {
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let check = WallClock(Date(timeIntervalSince1970: Double(days) * 86_400), in: FixedOffset(seconds: 0))
        guard check.year == year, check.month == month, check.day == day else { return nil }
        let local = days * 86_400
        // A reading that happens twice (clocks turned back) is its first; one that never
        // happens (clocks turned forward at midnight) moves forward by the jump.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - 86_400)))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + 86_400)))
        let matches = [local - before, local - after].filter {
            $0 + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0))) == local
        }
        return Date(timeIntervalSince1970: Double(matches.min() ?? local - min(before, after)))
    }

    /// Civil date to days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A zone whose clock is UTC plus a constant.
    struct FixedOffset: ZoneRules {
        var seconds: Int
        var identifier: String { "UTC" }
        func secondsFromGMT(for date: Date) -> Int { seconds }
        func abbreviation(for date: Date) -> String? { nil }
        func changesOffset(after date: Date) -> Bool { false }
    }
}
