import Foundation
import VoicemailModel
import XCTest

/// ISO8601.parse reads RFC 3339 dates by hand (no ICU on the way to the first list); it must
/// give what Foundation's ISO 8601 parser gives, and leave every other shape to it.
final class InternetDateTests: XCTestCase {
    func testAgreesWithFoundation() throws {
        var texts: [String] = []
        for seconds in stride(from: 0.0, to: 4_102_444_800, by: 86_400 * 37 + 3_671) {
            let base = Date(timeIntervalSince1970: seconds)
            for zone in ["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu"] {
                var style = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: zone)!)
                style = style.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .colon)
                texts.append(base.formatted(style))
            }
        }
        texts += [
            "2026-11-27T09:15:00Z", "2026-11-27T09:15:00.250Z", "2026-11-27T09:15:00.999999+01:00",
            "2024-02-29T23:59:59-05:30", "2026-11-27T09:15:00+14:00",
        ]
        for text in texts {
            let foundation = try? Date(text, strategy: .iso8601)
            let fractional = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
            let expected = (foundation ?? fractional).flatMap { ISO8601.epoch($0.timeIntervalSince1970) }
            XCTAssertNotNil(expected, text)
            XCTAssertEqual(ISO8601.parse(text), expected, text)
        }
    }

    func testOtherShapesStillParse() {
        XCTAssertEqual(ISO8601.parse(" 2026-11-27T09:15:00Z "), Date(timeIntervalSince1970: 1_795_770_900))
        XCTAssertEqual(ISO8601.parse("2026-11-27 09:15:00"), Date(timeIntervalSince1970: 1_795_770_900))
        XCTAssertEqual(ISO8601.parse("1795770900"), Date(timeIntervalSince1970: 1_795_770_900))
        XCTAssertNil(ISO8601.parse("yesterday"))
    }
}
