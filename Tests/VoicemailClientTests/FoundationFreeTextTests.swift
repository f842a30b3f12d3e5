import Foundation
import XCTest

@testable import VoicemailClient

/// What the client once asked of Foundation proper, now spelled by hand: the same text out.
final class FoundationFreeTextTests: XCTestCase {
    func testPercentEncodingMatchesFoundation() {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        for text in ["", "abc-._~XYZ019", "a b&c=d/e?f#g", "msg 12/ü", "😀\u{0}\u{7f}%+", "\"'<>[]{}|\\^`"] {
            XCTAssertEqual(FormEncoding.encode(text), text.addingPercentEncoding(withAllowedCharacters: unreserved), text)
            XCTAssertEqual(VoicemailClient.encodeID(text), text.addingPercentEncoding(withAllowedCharacters: unreserved))
        }
    }

    /// A vendor answer that is JSON of the wrong shape says so in words, not in Foundation's
    /// error domain and code; one that is not JSON quotes its start.
    func testWrongShapeSaysSoPlainly() {
        XCTAssertEqual(
            DecodingDetail.describe(DecodingDetail.WrongShape(), body: Data(#"{"x":1}"#.utf8)),
            "JSON, but not in the shape expected")
        XCTAssertEqual(DecodingDetail.describe(DecodingDetail.WrongShape(), body: Data("<html>".utf8)), #"not JSON: "<html>""#)
    }

    func testLoopbackHostsInBrackets() {
        XCTAssertTrue(Loopback.isLoopback("[::1]"))
        XCTAssertTrue(Loopback.isLoopback("127.0.0.1"))
        XCTAssertFalse(Loopback.isLoopback("[2001:db8::1]"))
    }
}
