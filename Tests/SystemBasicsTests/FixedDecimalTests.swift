import Foundation
import SystemBasics
import XCTest

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
}
