import AppCore
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

/// The system's local zone (`TZ`, else /etc/localtime) as libc's `localtime_r` reads it: the
/// offset and abbreviation come from tzdata itself. The screen uses this rather than
/// `TimeZone.current`, which in a binary linking Foundation is ICU's and pages in megabytes of
/// ICU code and data to answer the same two questions.
public struct SystemZone: ZoneRules {
    public let identifier: String

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        identifier = Self.name(environment: environment)
    }

    public func secondsFromGMT(for date: Date) -> Int {
        Int(Self.local(date).tm_gmtoff)
    }

    public func abbreviation(for date: Date) -> String? {
        Self.local(date).tm_zone.map { String(cString: $0) }
    }

    /// libc has no "next transition": look a year ahead, month by month (summer time and its
    /// end are months apart, so one reading per month sees any offset the year brings).
    public func changesOffset(after date: Date) -> Bool {
        let offset = secondsFromGMT(for: date)
        return (1...13).contains { month in
            secondsFromGMT(for: date.addingTimeInterval(Double(month) * 30 * 86_400)) != offset
        }
    }

    private static func local(_ date: Date) -> tm {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var result = tm()
        localtime_r(&seconds, &result)
        return result
    }

    /// "Europe/Berlin" from TZ or the /etc/localtime link; "localtime" when neither names one.
    private static func name(environment: [String: String]) -> String {
        if var tz = environment["TZ"], !tz.isEmpty {
            if tz.hasPrefix(":") { tz.removeFirst() }
            return afterZoneinfo(tz)
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return "localtime" }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return afterZoneinfo(target)
    }

    private static func afterZoneinfo(_ path: String) -> String {
        guard let marker = path.firstUTF8Range(of: "zoneinfo/") else { return path }
        return String(path[marker.upperBound...])
    }
}
