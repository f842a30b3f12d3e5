import Foundation
@testable import PBXSimulator
import XCTest

/// The Range parser never overflows, and whatever it accepts lies inside the file.
final class ByteRangeFuzzTests: XCTestCase {
    func testHugePositionsClampOrAreRefused() {
        let max = "9223372036854775807"
        XCTAssertEqual(ByteRange.parse("bytes=0-\(max)", size: 100), .partial(0..<100))
        XCTAssertEqual(ByteRange.parse("bytes=10-\(max)0", size: 100), .partial(10..<100))
        XCTAssertEqual(ByteRange.parse("bytes=\(max)-", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.parse("bytes=\(max)-\(max)", size: 100), .unsatisfiable)
        XCTAssertEqual(ByteRange.parse("bytes=-\(max)", size: 100), .partial(0..<100))
        XCTAssertEqual(ByteRange.parse("bytes=-99999999999999999999999", size: 100), .partial(0..<100))
        XCTAssertEqual(ByteRange.parse("bytes=+5-10", size: 100), .whole)
        XCTAssertEqual(ByteRange.parse("bytes=5--10", size: 100), .whole)
    }

    func testTheServerAnswersAnOverflowingRange() async throws {
        let f = try await SimulatorFixture()
        addTeardownBlock { await f.stop() }
        let id = try await f.ids("101")[0]
        let redirect = try await f.http.get("/api/v1/VoiceMail/\(id)/file")
        let location = try XCTUnwrap(redirect.header("Location"))
        let whole = try await f.http.get(location)
        let ranged = try await f.http.get(location, headers: ["Range": "bytes=0-9223372036854775807"])
        expectStatus(ranged, 206)
        XCTAssertEqual(ranged.body, whole.body)
        expectStatus(try await f.http.get(location, headers: ["Range": "bytes=9223372036854775807-"]), 416)
        // Still alive.
        expectStatus(try await f.http.get("/api/v1/VoiceMail"), 200)
    }

    /// Thousands of random and mutated headers (seeded, so a failure reproduces).
    func testFuzzedRangeHeadersNeverCrashAndStayInsideTheFile() {
        var random = SplitMix64(seed: 0x5EED_2026)
        let seeds = [
            "bytes=0-9", "bytes=5-", "bytes=-5", "bytes=0-9223372036854775807", "bytes=1-2,3-4",
            "bytes= 3 - 7 ", "items=0-1", "bytes=-", "bytes=", "BYTES=1-1",
        ]
        let alphabet = Array("0123456789-=, +bytesBYTES9223372036854775807\t".utf8)
        for round in 0..<5000 {
            let size = Int(random.next() % 5000)
            var bytes = Array(seeds[Int(random.next() % UInt64(seeds.count))].utf8)
            for _ in 0..<Int(random.next() % 6) {
                let position = bytes.isEmpty ? 0 : Int(random.next() % UInt64(bytes.count + 1))
                switch random.next() % 4 {
                case 0: bytes.insert(alphabet[Int(random.next() % UInt64(alphabet.count))], at: position)
                case 1: if position < bytes.count { bytes.remove(at: position) }
                case 2: if position < bytes.count { bytes[position] = UInt8(truncatingIfNeeded: random.next()) }
                default: bytes.insert(contentsOf: Array(String(random.next()).utf8), at: position)
                }
            }
            if round % 5 == 0 { bytes = (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] } }
            let header = String(decoding: bytes, as: UTF8.self)
            switch ByteRange.parse(header, size: size) {
            case .partial(let range):
                XCTAssertTrue(range.lowerBound >= 0 && range.lowerBound < range.upperBound && range.upperBound <= size,
                              "\(header) on \(size) bytes gave \(range)")
            case .whole, .unsatisfiable:
                break
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so fuzz failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
