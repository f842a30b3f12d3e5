import Foundation

/// `origdate`: app_voicemail's `%a %b %e %r UTC %Y` in UTC and the C locale, for example
/// `Wed Dec  2 01:56:21 PM UTC 2026` (the day padded with a space, a 12-hour clock).
public enum OrigDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    public static func format(_ date: Date) -> String {
        let c = utcCalendar.dateComponents([.weekday, .month, .day, .hour, .minute, .second, .year], from: date)
        let hour = c.hour!
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        let day = c.day! < 10 ? " \(c.day!)" : "\(c.day!)"
        return "\(days[c.weekday! - 1]) \(months[c.month! - 1]) \(day) "
            + String(format: "%02d:%02d:%02d %@", hour12, c.minute!, c.second!, hour < 12 ? "AM" : "PM")
            + " UTC \(c.year!)"
    }

    /// Reads the format above; also a 24-hour clock without AM/PM and any zone name (treated
    /// as UTC, which is all Asterisk writes). nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 5, let month = months.firstIndex(of: parts[1]), let day = Int(parts[2]) else { return nil }
        let clock = parts[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var hour = clock[0]
        var rest = Array(parts[4...])
        if let marker = rest.first?.uppercased(), marker == "AM" || marker == "PM" {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (marker == "PM" ? 12 : 0)
            rest.removeFirst()
        }
        guard let year = rest.last.flatMap(Int.init) else { return nil }
        let components = DateComponents(year: year, month: month + 1, day: day, hour: hour, minute: clock[1], second: clock[2])
        return utcCalendar.date(from: components)
    }
}
