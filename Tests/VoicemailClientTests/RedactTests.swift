import Foundation
import VoicemailClient
import XCTest

/// Redact scans by hand; it must remove exactly what the regular expressions it replaced
/// removed (kept here as the reference).
final class RedactTests: XCTestCase {
    private static let reference: [(NSRegularExpression, String)] = [
        (#"(?i)(authorization:\s*\w+\s+)\S+"#, "$1<redacted>"),
        (#"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"#, "$1<redacted>"),
        (#"(?i)(cookie:\s*).*"#, "$1<redacted>"),
        (#"(?i)(PHPSESSID=)[^;\s]+"#, "$1<redacted>"),
        (#"(?i)(x-voicemail-pin:\s*)\S+"#, "$1<redacted>"),
        (#"(?i)(password=)[^&\s]+"#, "$1<redacted>"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    private static func referenceRedact(_ text: String) -> String {
        var result = text
        for (regex, template) in reference {
            result = regex.stringByReplacingMatches(
                in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }

    func testMatchesTheRegularExpressions() {
        let samples = [
            "Authorization: Bearer demo-101 Cookie: PHPSESSID=abc login=101&password=pass101 X-Voicemail-PIN: 12345",
            "authorization:Basic   dXNlcjpwYXNz\nnext line", "AUTHORIZATION: Bearer", "Authorization: Bearer ",
            "bearer abc.def/ghi=+~-_ tail", "Bearer\t\tx", "bearerx", "bearer ", "BEARER <redacted>",
            "Cookie:", "cookie: a=b; c=d\nnext", "cookie:\n  on the next line", "Set-Cookie: id=1",
            "PHPSESSID=", "phpsessid=abc;def", "PHPSESSID=a b", "x-voicemail-pin:", "X-VOICEMAIL-PIN:   9 9",
            "password=&x", "password=p%40ss&next=1", "PASSWORD=a password=b", "Grüße password=ü€ ok",
            "authorization: tok\u{00A0}en secret", "nothing to hide", "", "émoji 👍🏽 bearer t0k3n",
        ]
        for text in samples {
            XCTAssertEqual(Redact.secrets(in: text), Self.referenceRedact(text), text)
        }
    }
}
