extension Parser {
    /// Booleans, numbers, dates and times: a run of `[A-Za-z0-9_+-.:]`, and a date followed by
    /// a space and a time (`1979-05-27 07:32:00`), classified by its shape.
    mutating func scalar() throws(TOMLError) -> TOMLValue {
        let start = index
        let startPosition = here()
        scanToken()
        if index - start == 10, isAt(.space), let hour = peek(1), let hour2 = peek(2), hour.isDigit, hour2.isDigit,
            peek(3) == UInt8(ascii: ":"), bytes[start + 4] == UInt8(ascii: "-")
        {
            index += 1
            scanToken()
        }
        let token = bytes[start..<index]
        guard !token.isEmpty else {
            let byte = bytes[index]
            throw fail(byte < 0x80 && !byte.isControl
                ? "expected a value, not \(TOMLError.quoted(String(UnicodeScalar(byte))))" : "expected a value")
        }
        func invalid(_ what: String) -> TOMLError {
            fail(at: startPosition, "\(what): \(TOMLError.quoted(String(decoding: token, as: UTF8.self)))")
        }
        switch String(decoding: token, as: UTF8.self) {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        case "inf", "+inf": return .float(.infinity)
        case "-inf": return .float(-.infinity)
        case "nan", "+nan": return .float(.nan)
        case "-nan": return .float(-.nan)
        default: break
        }
        let text = Array(token)
        if text.count >= 10, text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-") {
            guard let value = DateTimeReader.dateTime(text) else { throw invalid("invalid date or date-time") }
            return value
        }
        if text.count >= 3, text[2] == UInt8(ascii: ":") {
            guard let time = DateTimeReader.time(text[...]), time.rest.isEmpty else { throw invalid("invalid time") }
            return .localTime(time.time)
        }
        guard let number = NumberReader.number(text) else {
            if let firstNonDigit = text.first(where: { !$0.isDigit }), text[0].isDigit,
                firstNonDigit == UInt8(ascii: "-") || firstNonDigit == UInt8(ascii: ":")
            {
                throw invalid("invalid date or time")
            }
            if text.allSatisfy({ $0.isBareKey }), !text[0].isDigit, text[0] != UInt8(ascii: "-") {
                throw invalid("invalid value (strings need quotes; booleans are true or false)")
            }
            throw invalid("invalid number")
        }
        return number
    }

    private mutating func scanToken() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte.isBareKey || byte == UInt8(ascii: "+") || byte == .dot || byte == UInt8(ascii: ":") else { break }
            index += 1
        }
    }
}

/// Integers and floats as TOML writes them.
enum NumberReader {
    static func number(_ text: [UInt8]) -> TOMLValue? {
        var body = text[...]
        var sign: UInt8?
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            sign = first
            body = body.dropFirst()
        }
        if body.count > 2, body[body.startIndex] == UInt8(ascii: "0") {
            let radix: Int? =
                switch body[body.startIndex + 1] {
                case UInt8(ascii: "x"): 16
                case UInt8(ascii: "o"): 8
                case UInt8(ascii: "b"): 2
                default: nil
                }
            if let radix {
                guard sign == nil else { return nil }
                guard let digits = digits(body.dropFirst(2), radix: radix) else { return nil }
                return Int64(String(decoding: digits, as: UTF8.self), radix: radix).map(TOMLValue.integer)
            }
        }
        let exponentAt = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
        let dotAt = body.firstIndex(of: .dot)
        let integerEnd = dotAt ?? exponentAt ?? body.endIndex
        guard let integer = digits(body[..<integerEnd], radix: 10) else { return nil }
        // A leading zero only stands alone: 0, 0.5, 0e1 — not 01.
        if integer.count > 1, integer[0] == UInt8(ascii: "0") { return nil }
        var literal: [UInt8] = sign.map { [$0] } ?? []
        literal += integer
        if dotAt == nil, exponentAt == nil {
            return Int64(String(decoding: literal, as: UTF8.self)).map(TOMLValue.integer)
        }
        if let dotAt {
            if let exponentAt, exponentAt < dotAt { return nil }
            guard let fraction = digits(body[(dotAt + 1)..<(exponentAt ?? body.endIndex)], radix: 10) else { return nil }
            literal += [.dot] + fraction
        }
        if let exponentAt {
            var exponent = body[(exponentAt + 1)...]
            literal.append(UInt8(ascii: "e"))
            if let first = exponent.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                literal.append(first)
                exponent = exponent.dropFirst()
            }
            guard let digits = digits(exponent, radix: 10) else { return nil }
            literal += digits
        }
        return Double(String(decoding: literal, as: UTF8.self)).map(TOMLValue.float)
    }

    /// The digits without their underscores; nil when empty, when a character is not a digit
    /// of `radix`, or when an underscore is not between two digits.
    static func digits(_ text: ArraySlice<UInt8>, radix: Int) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var previousWasDigit = false
        for byte in text {
            if byte == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let value = Parser.hexValue(byte), Int(value) < radix else { return nil }
            result.append(byte)
            previousWasDigit = true
        }
        return previousWasDigit ? result : nil
    }
}

/// RFC 3339 dates and times as TOML allows them.
enum DateTimeReader {
    static func dateTime(_ text: [UInt8]) -> TOMLValue? {
        guard let date = date(text[0..<10]) else { return nil }
        if text.count == 10 { return .localDate(date) }
        let separator = text[10]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == .space,
            let (time, rest) = time(text[11...])
        else { return nil }
        if rest.isEmpty { return .localDateTime(TOMLLocalDateTime(date: date, time: time)) }
        guard let offset = offset(rest) else { return nil }
        return .offsetDateTime(TOMLOffsetDateTime(date: date, time: time, offsetMinutes: offset))
    }

    static func date(_ text: ArraySlice<UInt8>) -> TOMLLocalDate? {
        let base = text.startIndex
        guard text[base + 4] == UInt8(ascii: "-"), text[base + 7] == UInt8(ascii: "-"),
            let year = number(text, base, 4), let month = number(text, base + 5, 2), let day = number(text, base + 8, 2),
            (1...12).contains(month), day >= 1, day <= TOMLLocalDate.daysIn(month: month, year: year)
        else { return nil }
        return TOMLLocalDate(year: year, month: month, day: day)
    }

    /// `HH:MM:SS(.fraction)` at the start of `text`, and what follows it.
    static func time(_ text: ArraySlice<UInt8>) -> (time: TOMLLocalTime, rest: ArraySlice<UInt8>)? {
        let base = text.startIndex
        guard text.count >= 8, text[base + 2] == UInt8(ascii: ":"), text[base + 5] == UInt8(ascii: ":"),
            let hour = number(text, base, 2), let minute = number(text, base + 3, 2), let second = number(text, base + 6, 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var time = TOMLLocalTime(hour: hour, minute: minute, second: second)
        var rest = text[(base + 8)...]
        if rest.first == .dot {
            rest = rest.dropFirst()
            let digits = rest.prefix(while: { $0.isDigit })
            guard !digits.isEmpty else { return nil }
            for digit in digits.prefix(9) {
                time.nanosecond = time.nanosecond * 10 + Int(digit - 0x30)
                time.fractionDigits += 1
            }
            for _ in time.fractionDigits..<9 { time.nanosecond *= 10 }
            rest = rest.dropFirst(digits.count)
        }
        return (time, rest)
    }

    /// `Z`, `z` or `±HH:MM`, in minutes east of UTC.
    static func offset(_ text: ArraySlice<UInt8>) -> Int? {
        let base = text.startIndex
        if text.count == 1, text[base] == UInt8(ascii: "Z") || text[base] == UInt8(ascii: "z") { return 0 }
        guard text.count == 6, text[base] == UInt8(ascii: "+") || text[base] == UInt8(ascii: "-"),
            text[base + 3] == UInt8(ascii: ":"),
            let hours = number(text, base + 1, 2), let minutes = number(text, base + 4, 2), hours < 24, minutes < 60
        else { return nil }
        let total = hours * 60 + minutes
        return text[base] == UInt8(ascii: "-") ? -total : total
    }

    /// `width` decimal digits at `start`.
    static func number(_ text: ArraySlice<UInt8>, _ start: Int, _ width: Int) -> Int? {
        guard start + width <= text.endIndex else { return nil }
        var value = 0
        for byte in text[start..<(start + width)] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}
