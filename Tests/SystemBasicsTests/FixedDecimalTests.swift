import Foundation
import SystemBasics
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

final class FixedDecimalTests: XCTestCase {
    /// Known strings, including the ties and near-ties a hand-made rounding gets wrong.
    func testKnownStrings() {
        XCTAssertEqual(FixedDecimal.text(1.5, places: 1), "1.5")
        XCTAssertEqual(FixedDecimal.text(0.25, places: 1), "0.2")
        XCTAssertEqual(FixedDecimal.text(0.35, places: 1), "0.3")
        XCTAssertEqual(FixedDecimal.text(0.15, places: 1), "0.1")
        XCTAssertEqual(FixedDecimal.text(2.675, places: 2), "2.67")
        XCTAssertEqual(FixedDecimal.text(0, places: 3), "0.000")
        XCTAssertEqual(FixedDecimal.text(12.3456, places: 3), "12.346")
        XCTAssertEqual(FixedDecimal.text(-0.04, places: 1), "-0.0")
        XCTAssertEqual(FixedDecimal.text(19.95, places: 1), "19.9")
        XCTAssertEqual(FixedDecimal.text(1e300, places: 1).count, 303)
    }

    func testMatchesStringFormat() {
        var values: [Double] = [0, 0.05, 0.45, 1, 9.95, 99.95, 179.99, 1_048_575.0 / 1_048_576, 20 * 1_048_576 / 1_048_576.0]
        var x = 0.001
        while x < 5000 {
            values.append(x)
            x = x * 1.37 + 0.0013
        }
        for value in values {
            XCTAssertEqual(FixedDecimal.text(value, places: 1), String(format: "%.1f", value))
            XCTAssertEqual(FixedDecimal.text(value, places: 3), String(format: "%.3f", value))
        }
    }

    /// The terminal calls setlocale; in a German locale C's printf writes "1,5". Foundation's
    /// String(format:) never did, and neither may we. The calling thread's locale is left as
    /// it was.
    func testDecimalPointWhateverTheLocale() throws {
        guard let localedef = ["/usr/bin/localedef", "/usr/sbin/localedef"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
            FileManager.default.fileExists(atPath: "/usr/share/i18n/locales/de_DE")
        else { throw XCTSkip("localedef or the de_DE locale source is not installed") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("locale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: localedef)
        make.arguments = ["-i", "de_DE", "-f", "UTF-8", folder.appendingPathComponent("de_DE.UTF-8").path]
        make.standardOutput = FileHandle.nullDevice
        make.standardError = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        let previousPath = getenv("LOCPATH").map { String(cString: $0) }
        setenv("LOCPATH", folder.path, 1)
        defer { if let previousPath { setenv("LOCPATH", previousPath, 1) } else { unsetenv("LOCPATH") } }
        guard let german = newlocale(LC_NUMERIC_MASK, "de_DE.UTF-8", nil) else {
            throw XCTSkip("the de_DE locale could not be made")
        }
        defer { freelocale(german) }
        let before = uselocale(german)
        defer { uselocale(before) }

        var buffer = [CChar](repeating: 0, count: 16)
        _ = withVaList([1.5]) { vsnprintf(&buffer, buffer.count, "%.1f", $0) }
        XCTAssertEqual(
            String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self), "1,5",
            "the locale is German for C's printf")
        XCTAssertEqual(FixedDecimal.text(1.5, places: 1), "1.5")
        XCTAssertEqual(FixedDecimal.text(1234.5678, places: 3), "1234.568")
        XCTAssertEqual(uselocale(nil), german, "the thread's own locale is restored")
    }
}
