import VoicemailModel
import XCTest

final class TextSearchTests: XCTestCase {
    func testFindsTheFirstWholeMarker() {
        let address = "https://user@pbx.example.com://x"
        let range = address.firstUTF8Range(of: "://")
        XCTAssertEqual(range.map { String(address[..<$0.lowerBound]) }, "https")
        XCTAssertEqual(range.map { String(address[$0.upperBound...]) }, "user@pbx.example.com://x")
        XCTAssertEqual("/usr/share/zoneinfo/Europe/Paris".firstUTF8Range(of: "zoneinfo/").map { $0.upperBound },
                       "/usr/share/zoneinfo/Europe/Paris".firstIndex(of: "E"))
    }

    func testPartialAndMissingMarkersAreNotFound() {
        XCTAssertNil("http:/x:/y".firstUTF8Range(of: "://"))
        XCTAssertNil("".firstUTF8Range(of: "://"))
        XCTAssertNil("abc".firstUTF8Range(of: ""))
        XCTAssertNil("::".firstUTF8Range(of: "://"))
        XCTAssertEqual("a:://".firstUTF8Range(of: "://").map { "a:://".distance(from: "a:://".startIndex, to: $0.lowerBound) }, 2)
    }

    func testWorksInSubstringsAndAfterNonASCIIText() {
        let text = "Ünïcode → http://host"
        let tail = text[text.index(after: text.startIndex)...]
        XCTAssertEqual(tail.firstUTF8Range(of: "://").map { String(text[$0.upperBound...]) }, "host")
    }
}
