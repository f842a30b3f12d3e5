import FoundationEssentials

/// Asterisk's human-readable `origdate`: strftime `%a %b %e %r UTC %Y` in the C locale,
/// e.g. `Thu Nov  7 08:15:00 AM UTC 2026` (the day padded with a space). Built by hand so the
/// process locale (vmtui sets one for ncurses) cannot change it.
package enum AsteriskDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    /// By arithmetic on the proleptic Gregorian calendar (days from the civil date, as in
    /// Howard Hinnant's date algorithms): every message file read formats one, and Calendar's
    /// component breakdown cost more than reading the file.
    package static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let clock = seconds - days * 86400
        let hour = clock / 3600, minute = clock / 60 % 60, second = clock % 60
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1 January 1970 was a Thursday.
        let weekday = ((days % 7) + 11) % 7
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(weekdays[weekday]) \(months[month - 1]) \(day < 10 ? " " : "")\(day) "
            + "\(two(twelve)):\(two(minute)):\(two(second)) "
            + "\(hour < 12 ? "AM" : "PM") UTC \(year)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// Reads the format above; also a 24-hour clock without AM/PM and any zone name (treated
    /// as UTC, which is all Asterisk writes). nil for anything else.
    package static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 5, parts.count <= 8, let month = months.firstIndex(of: parts[1]), let day = Int(parts[2]) else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var hour = clock[0]
        var rest = Array(parts[4...])
        if let marker = rest.first?.uppercased(), marker == "AM" || marker == "PM" {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (marker == "PM" ? 12 : 0)
            rest.removeFirst()
        }
        guard let year = rest.last.flatMap(Int.init), (1...9999).contains(year) else { return nil }
        let components = DateComponents(year: year, month: month + 1, day: day, hour: hour, minute: clock[1], second: clock[2])
        return calendar.date(from: components)
    }
}
