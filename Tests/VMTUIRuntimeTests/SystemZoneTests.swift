import AppCore
import Foundation
import VMTUIRuntime
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The screen's zone comes from libc; it must give the offsets tzdata gives through Foundation.
final class SystemZoneTests: XCTestCase {
    func testOffsetsMatchFoundationForTheSameZone() throws {
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        for name in ["Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "Etc/UTC"] {
            setenv("TZ", name, 1)
            tzset()
            let system = SystemZone(environment: ["TZ": name])
            let foundation = try XCTUnwrap(TimeZone(identifier: name))
            XCTAssertEqual(system.identifier, name)
            for day in stride(from: 0, to: 800, by: 3) {
                let date = Date(timeIntervalSince1970: 1_767_225_600 + Double(day) * 86_400 + 3_600)
                XCTAssertEqual(system.secondsFromGMT(for: date), foundation.secondsFromGMT(for: date), "\(name) \(date)")
                XCTAssertEqual(system.changesOffset(after: date), foundation.changesOffset(after: date), "\(name) \(date)")
            }
        }
        XCTAssertEqual(SystemZone(environment: ["TZ": ":/usr/share/zoneinfo/Asia/Tokyo"]).identifier, "Asia/Tokyo")
    }

    /// What `vmtui` shows for Debian's default zone: plain "UTC", as before.
    func testDebianDefaultZoneReadsAsPlainUTC() {
        let saved = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        setenv("TZ", "Etc/UTC", 1)
        tzset()
        let text = DateText(now: Date(timeIntervalSince1970: 1_795_773_600), timeZone: SystemZone(environment: ["TZ": "Etc/UTC"]))
        XCTAssertEqual(text.full(Date(timeIntervalSince1970: 1_795_767_300)), "Fri 2026-11-27 08:15:00 UTC")
    }
}
