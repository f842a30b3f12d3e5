import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


final class ErrorMappingTests: XCTestCase {
    private func map(_ status: Int, _ body: String, mailbox: String? = "102", resource: String = "message 42")
        -> VoicemailError
    {
        VoicemailError.from(status: status, body: Data(body.utf8), reasonPhrase: "", mailbox: mailbox, resource: resource)
    }

    private func envelope(_ reason: String, _ code: String? = nil) -> String {
        let codePart = code.map { ",\"code\":\"\($0)\"" } ?? ""
        return "{\"type\":\"error\",\"reason\":\"\(reason)\",\"result\":null\(codePart)}"
    }

    func testEnvelopeCodesWin() {
        XCTAssertEqual(map(401, envelope("Unauthorized", "unauthorized")), .unauthorized(reason: "Unauthorized"))
        XCTAssertEqual(map(403, envelope("No", "forbidden")), .forbidden(mailbox: "102", reason: "No"))
        XCTAssertEqual(map(403, envelope("x", "pin_required")), .pinRequired(mailbox: "102"))
        XCTAssertEqual(map(403, envelope("x", "pin_wrong")), .pinWrong(mailbox: "102"))
        XCTAssertEqual(map(404, envelope("gone", "not_found")), .notFound(what: "message 42", reason: "gone"))
        XCTAssertEqual(map(409, envelope("Mailbox is full", "mailbox_full")), .mailboxFull(mailbox: "102", reason: "Mailbox is full"))
        XCTAssertEqual(map(413, envelope("Over 180 s", "too_long")), .tooLong(reason: "Over 180 s"))
        XCTAssertEqual(map(413, envelope("Over 20 MiB", "too_large")), .tooLarge(reason: "Over 20 MiB"))
        XCTAssertEqual(map(415, envelope("Not audio", "unsupported_media_type")), .unsupportedMediaType(reason: "Not audio"))
        XCTAssertEqual(map(400, envelope("Bad folder", "bad_request")), .badRequest(reason: "Bad folder"))
        XCTAssertEqual(map(500, envelope("Disk full", "server_error")), .serverError(status: 500, reason: "Disk full"))
    }

    /// A real PBX sends no code: status and reason decide.
    func testStatusFallbacksWithoutCode() {
        XCTAssertEqual(map(401, envelope("Unauthorized")), .unauthorized(reason: "Unauthorized"))
        XCTAssertEqual(map(403, envelope("Access denied")), .forbidden(mailbox: "102", reason: "Access denied"))
        XCTAssertEqual(map(403, envelope("PIN required")), .pinRequired(mailbox: "102"))
        XCTAssertEqual(map(403, envelope("Wrong PIN")), .pinWrong(mailbox: "102"))
        XCTAssertEqual(map(404, "not json at all"), .notFound(what: "message 42", reason: "Not Found"))
        XCTAssertEqual(map(409, envelope("Mailbox full")), .mailboxFull(mailbox: "102", reason: "Mailbox full"))
        XCTAssertEqual(map(409, envelope("Edit conflict")), .conflict(reason: "Edit conflict"))
        XCTAssertEqual(map(413, envelope("Message too long")), .tooLong(reason: "Message too long"))
        XCTAssertEqual(map(413, ""), .tooLarge(reason: "Payload Too Large"))
        XCTAssertEqual(map(415, ""), .unsupportedMediaType(reason: "Unsupported Media Type"))
        XCTAssertEqual(map(502, ""), .serverError(status: 502, reason: "Bad Gateway"))
        XCTAssertEqual(map(418, ""), .unexpectedStatus(status: 418, reason: "HTTP 418"))
    }

    func testEveryErrorRendersAsOneLineNamingTheCause() {
        let cases: [(VoicemailError, String)] = [
            (.cannotConnect(endpoint: "127.0.0.1:9", reason: "connection refused"), "cannot connect to 127.0.0.1:9 (connection refused)"),
            (.hostNotFound(host: "pbx.invalid"), "cannot resolve host \"pbx.invalid\" (DNS lookup failed)"),
            (.connectTimeout(endpoint: "10.0.0.1:443", seconds: 10), "connect timeout: no connection to 10.0.0.1:443 within 10 s"),
            (.responseTimeout(endpoint: "127.0.0.1:80", seconds: 1.5), "timeout: 127.0.0.1:80 did not answer within 1.5 s (see --timeout)"),
            (.unauthorized(reason: "Unauthorized"), "authentication failed: bad credentials (401 Unauthorized)"),
            (.forbidden(mailbox: "102", reason: "No"), "no permission for mailbox 102 (403 No)"),
            (.pinRequired(mailbox: "101"), "mailbox 101 needs a PIN (403 PIN required)"),
            (.pinWrong(mailbox: "101"), "wrong PIN for mailbox 101 (403)"),
            (.notFound(what: "message 7", reason: "gone"), "message 7 not found, perhaps already deleted (404 gone)"),
            (.mailboxFull(mailbox: "103", reason: "full"), "mailbox 103 is full (409 full)"),
            (.serverError(status: 500, reason: "Disk full"), "server error 500: Disk full"),
            (.malformedResponse(expected: "a page of messages", detail: "empty body"),
             "malformed response from the server: expected a page of messages (empty body)"),
        ]
        for (error, line) in cases {
            XCTAssertEqual(error.message, line)
            XCTAssertFalse(error.message.contains("\n"))
        }
        let tls = VoicemailError.tlsFailure(endpoint: "pbx:443", detail: "self-signed certificate", certificateProblem: true)
        XCTAssertTrue(tls.message.contains("--ca-file"), tls.message)
    }

    func testHostileReasonIsSanitised() {
        let error = map(500, envelope("\\u001b[2J\\u001b]0;pwned\\u0007Disk\\nfull"))
        XCTAssertEqual(error, .serverError(status: 500, reason: "Disk full"))
    }

    /// The sanitiser's own cases live in DisplayTextTests; this is the 8-bit spelling reaching
    /// an error's reason, which the client's former sanitiser let through.
    func testEightBitControlsInAReasonAreStripped() {
        let error = map(500, envelope("\\u009b2J\\u009d0;pwned\\u009cDisk\\u2028full\\ufeff"))
        XCTAssertEqual(error, .serverError(status: 500, reason: "Disk full"))
    }

    func testKindsGroupErrors() {
        XCTAssertEqual(VoicemailError.cannotConnect(endpoint: "a", reason: "b").kind, .network)
        XCTAssertEqual(VoicemailError.pinWrong(mailbox: nil).kind, .permission)
        XCTAssertEqual(VoicemailError.tooLong(reason: "").kind, .rejected)
        XCTAssertEqual(VoicemailError.malformedResponse(expected: "", detail: "").kind, .server)
    }

    func testRedactRemovesSecrets() {
        let text = "Authorization: Bearer demo-101 Cookie: PHPSESSID=abc login=101&password=pass101 X-Voicemail-PIN: 12345"
        let redacted = Redact.secrets(in: text)
        for secret in ["demo-101", "abc", "pass101", "12345"] { XCTAssertFalse(redacted.contains(secret), redacted) }
        XCTAssertFalse(Credentials.bearer(token: "sekrit").description.contains("sekrit"))
        XCTAssertFalse("\(Credentials.session(extension: "101", password: "sekrit"))".contains("sekrit"))
    }

    func testServerURLParsing() throws {
        XCTAssertEqual(try ClientConfiguration.serverURL(from: "pbx.example.com").absoluteString, "https://pbx.example.com")
        XCTAssertEqual(try ClientConfiguration.serverURL(from: "http://127.0.0.1:8080/").absoluteString, "http://127.0.0.1:8080")
        XCTAssertThrowsError(try ClientConfiguration.serverURL(from: "ftp://x")) {
            XCTAssertEqual($0 as? VoicemailError, .invalidServerURL("ftp://x"))
        }
    }

    func testSameOriginRule() {
        let server = URL(string: "http://127.0.0.1:8080")!
        XCTAssertTrue(VoicemailClient.isSameOrigin("http://127.0.0.1:8080/spoolview/x.wav", server))
        XCTAssertFalse(VoicemailClient.isSameOrigin("http://127.0.0.1:8081/x.wav", server))
        XCTAssertFalse(VoicemailClient.isSameOrigin("https://127.0.0.1:8080/x.wav", server))
        XCTAssertFalse(VoicemailClient.isSameOrigin("http://evil.example/x.wav", server))
    }

    func testAudioSniffing() {
        XCTAssertEqual(AudioSniffer.format(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)), .wav)
        XCTAssertEqual(AudioSniffer.format(of: Data("ID3\u{3}".utf8)), .mp3)
        XCTAssertEqual(AudioSniffer.format(of: Data([0xFF, 0xFB, 0x90, 0x00])), .mp3)
        XCTAssertNil(AudioSniffer.format(of: Data("hello world!".utf8)))
    }
}
