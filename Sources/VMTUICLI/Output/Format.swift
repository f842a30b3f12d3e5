import AppCore
import DisplayText
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import VMTUIRuntime
import VoicemailClient
import VoicemailModel

/// Small formatting rules shared by the tables (sizes, durations and callers are DisplayText's).
enum Format {
    /// Local time, minutes precision, sortable: "2026-11-30 14:02".
    static func date(_ date: Date, timeZone: any ZoneRules = SystemZone()) -> String {
        let clock = WallClock(date, in: timeZone)
        return "\(digits(clock.year, 4))-\(digits(clock.month, 2))-\(digits(clock.day, 2)) "
            + "\(digits(clock.hour, 2)):\(digits(clock.minute, 2))"
    }

    /// `value` zero-padded to `width` digits, as printf's "%0Nd" (the sign before the zeros).
    static func digits(_ value: Int, _ width: Int) -> String {
        let magnitude = String(value.magnitude)
        let padded = String(repeating: "0", count: max(0, width - (value < 0 ? 1 : 0) - magnitude.count)) + magnitude
        return value < 0 ? "-" + padded : padded
    }

    /// "Bob Nguyen <102>"; `nameLimit` keeps table rows readable (`show` prints the whole name).
    static func caller(_ message: VoicemailMessage, nameLimit: Int = 60) -> String {
        CallerText(message, nameLimit: nameLimit, numberLimit: 40).full
    }
}

/// Left-aligned columns measured in terminal cells, so CJK names line up.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns aligned right (numbers).
    var rightAligned: Set<Int> = []

    init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [headers] + rows
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        return all.map { row in
            var line = ""
            for (index, cell) in row.enumerated() where index < widths.count {
                let pad = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                let isLast = index == widths.count - 1
                if rightAligned.contains(index) {
                    line += pad + cell
                } else {
                    line += isLast ? cell : cell + pad
                }
                if !isLast { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

/// JSON for scripts: stable (sorted) keys, ISO dates as the contract writes them.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601.format(date))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
