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

    /// A vendor answer that is JSON of the wrong shape reads as it did when Foundation's
    /// CocoaError described it.
    func testWrongShapeReadsAsCocoaErrorDid() {
        XCTAssertEqual(
            String(describing: DecodingDetail.WrongShape()), String(describing: CocoaError(.coderReadCorrupt)))
        XCTAssertEqual(
            DecodingDetail.describe(DecodingDetail.WrongShape(), body: Data(#"{"x":1}"#.utf8)),
            DecodingDetail.describe(CocoaError(.coderReadCorrupt), body: Data(#"{"x":1}"#.utf8)))
    }

    func testLoopbackHostsInBrackets() {
        XCTAssertTrue(Loopback.isLoopback("[::1]"))
        XCTAssertTrue(Loopback.isLoopback("127.0.0.1"))
        XCTAssertFalse(Loopback.isLoopback("[2001:db8::1]"))
    }
}
