import Foundation
import VoicemailModel

/// Asterisk's `callerid=` value (what `ast_callerid_merge` writes and `ast_callerid_parse`
/// reads): `"Name" <number>` with `"` and `\` in the name backslash-escaped, a bare number,
/// or `Unknown` when there is neither.
///
/// The store keeps every caller id in `normalized` form, which is exactly what reading the
/// file back gives: a message looks the same before and after a restart, whatever its caller
/// sent (control characters, quotes, `<`, `>`, backslashes, surrounding blanks).
enum CallerIDText {
    static let unknown = "Unknown"

    static func render(_ callerID: CallerID) -> String {
        let name = clean(callerID.name ?? "")
        let number = clean(callerID.number)
        if name.isEmpty {
            if number.isEmpty { return unknown }
            if isBare(number) { return number }
        }
        return "\"\(escape(name))\" <\(number)>"
    }

    /// By Unicode scalar, so a combining mark after a quote or bracket cannot hide it.
    static func parse(_ text: String) -> CallerID {
        let scalars = Array(clean(text).unicodeScalars)
        func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            return String(view)
        }
        if scalars.first == "\"" {
            var name = String.UnicodeScalarView()
            var index = 1
            var escaping = false
            var closed = false
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if escaping {
                    name.append(scalar)
                    escaping = false
                } else if scalar == "\\" {
                    escaping = true
                } else if scalar == "\"" {
                    closed = true
                    break
                } else {
                    name.append(scalar)
                }
            }
            // An unterminated quote: what is there is the name.
            guard closed else { return finish(name: String(name), number: "") }
            let rest = scalars[index...]
            guard let open = rest.firstIndex(of: "<") else { return finish(name: String(name), number: string(rest)) }
            let close = rest[(open + 1)...].lastIndex(of: ">") ?? rest.endIndex
            return finish(name: String(name), number: string(rest[(open + 1)..<close]))
        }
        if scalars.last == ">", let open = scalars.firstIndex(of: "<") {
            return finish(name: string(scalars[..<open]), number: string(scalars[(open + 1)..<(scalars.count - 1)]))
        }
        return finish(name: "", number: string(scalars[...]))
    }

    /// What the value becomes once written and read back.
    static func normalized(_ callerID: CallerID) -> CallerID {
        parse(render(callerID))
    }

    private static func finish(name: String, number: String) -> CallerID {
        let name = clean(name)
        let number = clean(number)
        // Neither a name nor a number is what Asterisk writes as Unknown.
        if name.isEmpty, number.isEmpty { return CallerID(name: nil, number: unknown) }
        return CallerID(name: name.isEmpty ? nil : name, number: number)
    }

    /// Control characters become spaces (as on disk, where a value is one line), then the
    /// blanks around are dropped (the file format does not keep them).
    static func clean(_ text: String) -> String {
        IniFile.singleLine(text).trimmingBlanks
    }

    /// A number that reads back as itself without quotes or brackets.
    private static func isBare(_ number: String) -> Bool {
        !number.unicodeScalars.contains { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }
    }

    private static func escape(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }
}

/// Asterisk's human-readable `origdate`: strftime `%a %b %e %r UTC %Y` in the C locale,
/// e.g. `Thu Nov  7 08:15:00 AM UTC 2026` (the day padded with a space). Built by hand so the
/// process locale (vmtui sets one for ncurses) cannot change it.
enum AsteriskDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let hour = c.hour ?? 0
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        let day = c.day ?? 1
        return "\(weekdays[(c.weekday ?? 1) - 1]) \(months[(c.month ?? 1) - 1]) \(day < 10 ? " " : "")\(day) "
            + String(format: "%02d:%02d:%02d ", twelve, c.minute ?? 0, c.second ?? 0)
            + "\(hour < 12 ? "AM" : "PM") UTC \(c.year ?? 1970)"
    }
}
