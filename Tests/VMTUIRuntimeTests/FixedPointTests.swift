import Foundation
import XCTest

@testable import VMTUIRuntime

#if canImport(Glibc)
    import Glibc
#endif

final class FixedPointTests: XCTestCase {
    /// The screen calls setlocale: under a decimal-comma locale "%.1f" would print "1,5" where
    /// Foundation's String(format:) printed "1.5". The transcriber's "took longer than 1.5 s".
    func testADecimalPointWhateverTheLocale() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vmtui-locale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
        made.arguments = ["-i", "de_DE", "-f", "UTF-8", folder.appendingPathComponent("de_DE.UTF-8").path]
        made.standardOutput = FileHandle.nullDevice
        made.standardError = FileHandle.nullDevice
        guard (try? made.run()) != nil else { throw XCTSkip("localedef is not installed") }
        made.waitUntilExit()
        setenv("LOCPATH", folder.path, 1)
        defer { unsetenv("LOCPATH") }
        guard let german = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", nil) else { throw XCTSkip("no de_DE locale could be made") }
        defer { freelocale(german) }
        let previous = uselocale(german)
        defer { uselocale(previous) }
        // The locale really writes a comma on this thread…
        var buffer = [CChar](repeating: 0, count: 16)
        _ = withVaList([1.5]) { vsnprintf(&buffer, buffer.count, "%.1f", $0) }
        XCTAssertEqual(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), "1,5")
        // …and FixedPoint still prints Foundation's point.
        XCTAssertEqual(FixedPoint.text(1.5, fractionDigits: 1), "1.5")
        XCTAssertEqual(FixedPoint.text(1234.25, fractionDigits: 2), "1234.25")
    }
}
