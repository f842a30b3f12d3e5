import FoundationEssentials

/// What the screen needs of a time zone: the offset from UTC and the abbreviation in force at
/// an instant, and whether the offset will change again. A Foundation `TimeZone` answers it
/// (tests, the CLI); the screen passes the system zone read through libc (VMTUIRuntime's
/// `SystemZone`), because in a binary that links Foundation every `TimeZone` is answered by
/// ICU, whose code and data would otherwise be paged in just to print "14:02".
public protocol ZoneRules: Sendable {
    var identifier: String { get }
    func secondsFromGMT(for date: Date) -> Int
    func abbreviation(for date: Date) -> String?
    /// Whether the offset changes at some instant after `date` (summer time still observed).
    func changesOffset(after date: Date) -> Bool
}

extension TimeZone: ZoneRules {
    public func changesOffset(after date: Date) -> Bool {
        nextDaylightSavingTimeTransition(after: date) != nil
    }
}

/// A wall-clock reading in some zone, computed with integer arithmetic on the zone's offset
/// (proleptic Gregorian calendar, as Foundation's gregorian `Calendar` counts).
public struct WallClock: Equatable, Sendable {
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// 1 = Sunday … 7 = Saturday, as `Calendar` numbers them.
    public let weekday: Int
    /// Days since 1970-01-01 of this reading's date.
    let dayNumber: Int

    public init(_ date: Date, in zone: any ZoneRules) {
        let local = Self.wholeSeconds(date) + zone.secondsFromGMT(for: date)
        self.init(localSeconds: local)
    }

    init(localSeconds local: Int) {
        let days = local.floorDiv(86_400)
        let inDay = local - days * 86_400
        dayNumber = days
        hour = inDay / 3600
        minute = inDay % 3600 / 60
        second = inDay % 60
        weekday = (days + 4).floorMod(7) + 1  // 1970-01-01 was a Thursday
        // Days to civil date: Howard Hinnant's algorithm (eras of 400 years).
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The instant at which the zone's clock reads `local` (seconds since the epoch, local).
    /// A reading that happens twice (clocks turned back) is its first; one that never happens
    /// (clocks turned forward) moves forward by the jump, as `Calendar` resolves both.
    static func instant(localSeconds local: Int, in zone: any ZoneRules) -> Date {
        // The offsets in force a day either side cover any single change near `local`.
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local - 86_400)))
        let after = zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local + 86_400)))
        let matches = [local - before, local - after].filter {
            $0 + zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double($0))) == local
        }
        return Date(timeIntervalSince1970: Double(matches.min() ?? local - min(before, after)))
    }

    static func wholeSeconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970.rounded(.down))
    }
}

extension Int {
    fileprivate func floorDiv(_ d: Int) -> Int {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }

    fileprivate func floorMod(_ d: Int) -> Int { self - floorDiv(d) * d }
}
