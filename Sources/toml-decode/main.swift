// Reads TOML on standard input and prints it as toml-test's typed JSON
// ({"type": "integer", "value": "1"}), or the error and exit status 1. Lets
// scripts/toml-test-suite run the official TOML test suite against TOMLReader.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TOMLReader

func readStandardInput() -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

func typed(_ type: String, _ value: String) -> String {
    "{\"type\":\"\(type)\",\"value\":\(quoted(value))}"
}

func json(_ value: TOMLValue) -> String {
    switch value {
    case .string(let text): typed("string", text)
    case .integer(let number): typed("integer", String(number))
    case .float(let number):
        typed("float", number.isNaN ? "nan" : number.isInfinite ? (number < 0 ? "-inf" : "inf") : String(number))
    case .boolean(let flag): typed("bool", String(flag))
    case .offsetDateTime(let date): typed("datetime", date.description)
    case .localDateTime(let date): typed("datetime-local", date.description)
    case .localDate(let date): typed("date-local", date.description)
    case .localTime(let time): typed("time-local", time.description)
    case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
    case .table(let table): json(table)
    }
}

func json(_ table: TOMLTable) -> String {
    "{" + table.keys.map { quoted($0) + ":" + json(table[$0]!) }.joined(separator: ",") + "}"
}

do {
    let table = try TOMLReader.parse(bytes: readStandardInput())
    print(json(table))
} catch {
    let message = Array("toml-decode: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}
