/// The one date shape PBXs send almost always, RFC 3339's "2026-11-27T09:15:00Z" (or
/// "+01:00", fractional seconds), read by hand. Foundation's ISO 8601 parser would
/// fetch the current time zone and a calendar, which in a binary linking Foundation are ICU's:
/// megabytes of ICU paged in to decode the first message list. Anything else (out of range,
/// another shape) returns nil and goes to the Foundation parser as before.
enum InternetDate {
    /// Seconds since the epoch, fractions dropped (message dates are whole seconds).
    static func parse(_ text: String.UTF8View) -> Double? {
        let b = Array(text)
        guard b.count >= 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
            b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            let year = number(b, 0, 4), let month = number(b, 5, 2), let day = number(b, 8, 2),
            let hour = number(b, 11, 2), let minute = number(b, 14, 2), let second = number(b, 17, 2),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var i = 19
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let digits = i
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
            guard i > digits, i < b.count else { return nil }
        }
        let offset: Int
        switch (b[i], b.count - i) {
        case (UInt8(ascii: "Z"), 1):
            offset = 0
        case (UInt8(ascii: "+"), 6), (UInt8(ascii: "-"), 6):
            guard let hours = number(b, i + 1, 2), b[i + 3] == UInt8(ascii: ":"),
                let minutes = number(b, i + 4, 2), hours < 24, minutes < 60
            else { return nil }
            offset = (b[i] == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        return Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
    }

    private static func number(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in b[start..<start + count] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days-from-civil (proleptic Gregorian).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
