import DisplayText
import Foundation
import VoicemailClient
import VoicemailModel

/// Small formatting rules shared by the tables (sizes, durations and callers are DisplayText's).
enum Format {
    /// Local time, minutes precision, sortable.
    static func date(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
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
