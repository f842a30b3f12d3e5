/// `1979-05-27`
public struct TOMLLocalDate: Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String { "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))" }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// `07:32:00.999`; fractions finer than nanoseconds are cut off (TOML asks for milliseconds).
public struct TOMLLocalTime: Sendable, Equatable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int
    public var nanosecond: Int
    /// How many fraction digits were written (at most 9), so the value prints as written.
    public var fractionDigits: Int

    public init(hour: Int, minute: Int, second: Int, nanosecond: Int = 0, fractionDigits: Int = 0) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
        self.fractionDigits = fractionDigits
    }

    public var description: String {
        var text = "\(digits(hour, 2)):\(digits(minute, 2)):\(digits(second, 2))"
        if fractionDigits > 0 {
            var scaled = nanosecond
            for _ in fractionDigits..<9 { scaled /= 10 }
            text += "." + digits(scaled, fractionDigits)
        }
        return text
    }
}

/// `1979-05-27T07:32:00`: a date and time in no particular zone.
public struct TOMLLocalDateTime: Sendable, Equatable, CustomStringConvertible {
    public var date: TOMLLocalDate
    public var time: TOMLLocalTime

    public init(date: TOMLLocalDate, time: TOMLLocalTime) {
        self.date = date
        self.time = time
    }

    public var description: String { "\(date)T\(time)" }
}

/// `1979-05-27T07:32:00-07:00`
public struct TOMLOffsetDateTime: Sendable, Equatable, CustomStringConvertible {
    public var date: TOMLLocalDate
    public var time: TOMLLocalTime
    /// East of UTC, in minutes (`-07:00` is -420; `Z` is 0).
    public var offsetMinutes: Int

    public init(date: TOMLLocalDate, time: TOMLLocalTime, offsetMinutes: Int) {
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var description: String {
        guard offsetMinutes != 0 else { return "\(date)T\(time)Z" }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let minutes = abs(offsetMinutes)
        return "\(date)T\(time)\(sign)\(digits(minutes / 60, 2)):\(digits(minutes % 60, 2))"
    }
}

private func digits(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
