import FoundationEssentials

/// Dates, durations and sizes as the screen shows them, computed in the configured zone
/// against the state's clock so the output is deterministic.
public struct DateText: Sendable {
    private let zone: any ZoneRules
    private let startOfToday: Date
    private let endOfToday: Date
    private let startOfWeekWindow: Date
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    public init(now: Date, timeZone: any ZoneRules) {
        zone = timeZone
        let today = WallClock(now, in: timeZone)
        startOfToday = WallClock.instant(localSeconds: today.dayNumber * 86_400, in: timeZone)
        // Whole days from the start of today keep its wall-clock time, as Calendar adds days.
        let startWall = WallClock.wholeSeconds(startOfToday) + timeZone.secondsFromGMT(for: startOfToday)
        endOfToday = WallClock.instant(localSeconds: startWall + 86_400, in: timeZone)
        startOfWeekWindow = WallClock.instant(localSeconds: startWall - 6 * 86_400, in: timeZone)
    }

    /// "09:15" today, "Tue 14:02" within the last week, else "2026-11-03".
    public func short(_ date: Date) -> String {
        let c = WallClock(date, in: zone)
        let time = pad(c.hour) + ":" + pad(c.minute)
        if date >= startOfToday, date < endOfToday { return time }
        if date >= startOfWeekWindow, date < startOfToday {
            return Self.weekdays[c.weekday - 1] + " " + time
        }
        return "\(c.year)-\(pad(c.month))-\(pad(c.day))"
    }

    /// "Fri 2026-11-27 08:15:00 UTC".
    public func full(_ date: Date) -> String {
        let c = WallClock(date, in: zone)
        let weekday = Self.weekdays[c.weekday - 1]
        return "\(weekday) \(c.year)-\(pad(c.month))-\(pad(c.day)) "
            + "\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second)) \(zoneName(at: date))"
    }

    private func zoneName(at date: Date) -> String {
        if zone.identifier == "UTC" || zone.identifier == "GMT" { return "UTC" }
        let seconds = zone.secondsFromGMT(for: date)
        // "Etc/UTC", "Universal", "Zulu"…: any zone that is UTC all year reads as plain UTC.
        if seconds == 0, zone.abbreviation(for: date).map({ $0 == "UTC" || $0 == "GMT" }) ?? false,
            !zone.changesOffset(after: date)
        {
            return "UTC"
        }
        let sign = seconds < 0 ? "-" : "+"
        let offset = "UTC\(sign)\(pad(abs(seconds) / 3600)):\(pad(abs(seconds) % 3600 / 60))"
        if let abbreviation = zone.abbreviation(for: date), abbreviation.first?.isLetter == true,
            !abbreviation.hasPrefix("GMT")
        {
            return "\(abbreviation) (\(offset))"
        }
        return offset
    }

    private func pad(_ value: Int?) -> String {
        let v = value ?? 0
        return v < 10 ? "0\(v)" : "\(v)"
    }
}
