import DisplayText
import XCTest

final class AmountTextTests: XCTestCase {
    func testDurations() {
        XCTAssertEqual(DurationText.clock(0), "0:00")
        XCTAssertEqual(DurationText.clock(42), "0:42")
        XCTAssertEqual(DurationText.clock(65), "1:05")
        XCTAssertEqual(DurationText.clock(605), "10:05")
        XCTAssertEqual(DurationText.clock(3723), "1:02:03")
        XCTAssertEqual(DurationText.clock(3725), "1:02:05")
        XCTAssertEqual(DurationText.clock(-5), "0:00")
    }

    func testSizesInBinaryUnitsWithOneRuleForDecimals() {
        XCTAssertEqual(SizeText.bytes(0), "0 B")
        XCTAssertEqual(SizeText.bytes(512), "512 B")
        XCTAssertEqual(SizeText.bytes(1023), "1023 B")
        XCTAssertEqual(SizeText.bytes(1024), "1.0 KiB")
        XCTAssertEqual(SizeText.bytes(1536), "1.5 KiB")
        XCTAssertEqual(SizeText.bytes(2048), "2.0 KiB")
        XCTAssertEqual(SizeText.bytes(98_304), "96 KiB")
        XCTAssertEqual(SizeText.bytes(1_468_006), "1.4 MiB")
        XCTAssertEqual(SizeText.bytes(1_572_864), "1.5 MiB")
        XCTAssertEqual(SizeText.bytes(20 * 1024 * 1024), "20 MiB")
        XCTAssertEqual(SizeText.bytes(Int64(3) * 1024 * 1024 * 1024), "3.0 GiB")
        XCTAssertEqual(SizeText.bytes(-1), "0 B")
    }

    func testSizesRoundIntoTheNextDigitOrUnit() {
        XCTAssertEqual(SizeText.bytes(10_199), "10 KiB", "9.96 KiB rounds to a whole 10")
        XCTAssertEqual(SizeText.bytes(1_048_575), "1.0 MiB", "not 1024 KiB")
        XCTAssertEqual(SizeText.bytes(1_048_576 - 300), "1.0 MiB")
    }

    func testPlurals() {
        XCTAssertEqual(Plural.messages(0), "0 messages")
        XCTAssertEqual(Plural.messages(1), "1 message")
        XCTAssertEqual(Plural.messages(3), "3 messages")
        XCTAssertEqual(Plural.count(2, "copy", plural: "copies"), "2 copies")
        XCTAssertEqual(Plural.count(1, "copy", plural: "copies"), "1 copy")
    }
}
