import AppCore
import Foundation
import VoicemailClient
import VoicemailModel

/// Small formatting rules shared by the tables.
enum Format {
    static func duration(_ seconds: Int) -> String {
        let s = max(0, seconds)
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func bytes(_ count: Int64) -> String {
        if count < 1024 { return "\(count) B" }
        if count < 1024 * 1024 { return String(format: "%.1f KiB", Double(count) / 1024) }
        if count < 1024 * 1024 * 1024 { return String(format: "%.1f MiB", Double(count) / 1_048_576) }
        return String(format: "%.2f GiB", Double(count) / 1_073_741_824)
    }

    /// Local time, minutes precision, sortable.
    static func date(_ date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// "Bob Nguyen <102>", or the number alone; sanitised for a terminal.
    /// "Name <number>"; `nameLimit` keeps table rows readable (`show` prints the whole name).
    static func caller(_ message: VoicemailMessage, nameLimit: Int = 60) -> String {
        let number = Sanitize.line(message.callerNumber, maxLength: 40)
        guard let name = message.callerName.map({ Sanitize.line($0, maxLength: nameLimit) }), !name.isEmpty else {
            return number.isEmpty ? "unknown" : number
        }
        return number.isEmpty ? name : "\(name) <\(number)>"
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
