import VoicemailModel

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Export file names: `YYYY-MM-DD_HHMM_<caller>_<id>.<ext>`, safe on every filesystem (ASCII
/// letters, digits, `-`, `_`, `.`; never a leading dot; at most 200 bytes).
public enum ExportNames {
    static let callerLimit = 40
    static let idLimit = 80

    public static func file(for message: VoicemailMessage) -> String {
        let stamp = LocalStamp(message.date)
        // A name in another script has no safe letters: the number says more than "unknown".
        let byName = safe(message.callerName ?? "", limit: callerLimit)
        let caller = byName.isEmpty ? safe(message.callerNumber, limit: callerLimit) : byName
        var id = safe(message.id, limit: idLimit)
        // Two ids that differ only in unsafe characters must not share a file.
        if id != message.id { id += "-" + fnv1a(message.id) }
        return "\(stamp.fileStamp)_\(caller.isEmpty ? "unknown" : caller)_\(id.isEmpty ? "message" : id).\(message.format.fileExtension)"
    }

    /// Letters, digits, `-`, `_` kept; every other run of characters becomes one `_`.
    static func safe(_ text: String, limit: Int) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
            if keep {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
            if out.utf8.count >= limit { break }
        }
        while out.hasPrefix("_") || out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("_") { out.removeLast() }
        return String(out.prefix(limit))
    }

    static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A temporary our export (or the backend writing one of its files) leaves while writing:
    /// hidden, and named after an export file or an index.
    static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix(".") else { return false }
        let rest = name.dropFirst()
        let ours = rest.hasPrefix("index.") || (rest.count > 11 && rest.prefix(4).allSatisfy(\.isNumber) && rest.dropFirst(4).first == "-")
        return ours && (rest.contains(".part-") || rest.contains(".vmtui-") || rest.hasSuffix(".partial"))
    }
}

/// A date in the local zone (TZ, else /etc/localtime) as libc sees it.
struct LocalStamp {
    let year, month, day, hour, minute, second: Int
    /// Seconds east of UTC.
    let offset: Int

    init(_ date: Date) {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&time, &parts)
        year = Int(parts.tm_year) + 1900
        month = Int(parts.tm_mon) + 1
        day = Int(parts.tm_mday)
        hour = Int(parts.tm_hour)
        minute = Int(parts.tm_min)
        second = Int(parts.tm_sec)
        offset = Int(parts.tm_gmtoff)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    var dateText: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + Self.two(month) + "-" + Self.two(day)
    }

    /// `2026-12-07_0915`.
    var fileStamp: String { dateText + "_" + Self.two(hour) + Self.two(minute) }

    /// ISO 8601 with the offset: `2026-12-07T09:15:04+01:00`.
    var iso8601: String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return dateText + "T" + Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second)
            + sign + Self.two(minutes / 60) + ":" + Self.two(minutes % 60)
    }
}
