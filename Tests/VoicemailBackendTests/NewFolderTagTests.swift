import VoicemailBackend
import XCTest

/// New's one ETag token carries INBOX's and Urgent's, so an idle refresh stays two 304s.
final class NewFolderTagTests: XCTestCase {
    func testJoinAndSplitRoundTrip() {
        // ETags are visible characters (RFC 9110 etagc), so the control character that joins
        // them never occurs inside one.
        for (inbox, urgent) in [("\"a\"", "\"b\""), ("\"a\"", nil), (nil, "\"b\""), ("W/\"x-1\"", "\"y\"")] as [(String?, String?)] {
            let token = NewFolderTag.join(inbox: inbox, urgent: urgent)
            let split = NewFolderTag(token)
            XCTAssertEqual(split.inbox, inbox, "\(String(describing: token))")
            XCTAssertEqual(split.urgent, urgent, "\(String(describing: token))")
        }
        XCTAssertNil(NewFolderTag.join(inbox: nil, urgent: nil))
        XCTAssertEqual(NewFolderTag("\"plain\""), NewFolderTag(inbox: "\"plain\"", urgent: nil), "an INBOX-only token")
        XCTAssertEqual(NewFolderTag(nil), NewFolderTag(inbox: nil, urgent: nil))
    }
}
