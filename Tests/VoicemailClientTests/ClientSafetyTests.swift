import Foundation
import SafeTOML
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// Settings and checks that keep a user from a wrong picture: API flavor, plain-http
/// passwords, scheme-less servers, session cookies, record audio URLs, audio checks.
final class ClientSafetyTests: XCTestCase {
    private func settings(_ config: String, overrides: ConnectionOverrides = ConnectionOverrides(), password: Bool = true)
        throws -> (ClientConfiguration, ConnectionSettings)
    {
        let file = try ConnectionSettings.parse(config, path: "c.toml")
        let environment = password ? ["VMTUI_PASSWORD": "p"] : ["VMTUI_TOKEN": "t"]
        let secrets = SecretSource(environment: environment, tokenCommand: nil, passwordCommand: nil, runner: FakeRunner([:]))
        var overrides = overrides
        overrides.user = overrides.user ?? "101"
        return (try ClientSettings.resolve(overrides: overrides, config: file, secrets: secrets), file)
    }

    func testAPIFlavorFromConfigAndFlag() throws {
        XCTAssertEqual(try settings(#"server = "https://pbx""#).0.api, .auto)
        XCTAssertEqual(try settings("server = \"https://pbx\"\napi = \"Wildix\"").0.api, .wildix)
        XCTAssertEqual(try settings("server = \"https://pbx\"\napi = \"wildix\"", overrides: ConnectionOverrides(api: .vmtui)).0.api, .vmtui)
        XCTAssertThrowsError(try ConnectionSettings.parse("api = \"asterisk\"", path: "c.toml")) {
            XCTAssertEqual(($0 as? SettingsError)?.description, #"c.toml:1: "api" must be auto, wildix, vmtui, wazo or kazoo, not "asterisk""#)
        }
    }

    func testPasswordOverPlainHTTPToAnotherHostIsRefusedUnlessAllowed() throws {
        let (remote, file) = try settings(#"server = "http://pbx.example.com""#)
        XCTAssertThrowsError(try ClientSettings.insecureWarning(for: remote, overrides: ConnectionOverrides(), config: file)) {
            let text = ($0 as? SettingsError)?.description ?? ""
            XCTAssertTrue(text.contains("--allow-insecure"), text)
            XCTAssertTrue(text.contains("pbx.example.com"), text)
        }
        let allowedByFlag = try ClientSettings.insecureWarning(
            for: remote, overrides: ConnectionOverrides(allowInsecure: true), config: file)
        XCTAssertNotNil(allowedByFlag)
        let (_, allowingFile) = try settings("server = \"http://pbx.example.com\"\nallow_insecure = true")
        XCTAssertNotNil(try ClientSettings.insecureWarning(for: remote, overrides: ConnectionOverrides(), config: allowingFile))
        // Loopback and https are not a secret crossing a network in clear.
        for (server, password) in [("http://127.0.0.1:8080", true), ("http://localhost:8080", true), ("http://[::1]:8080", true),
            ("https://pbx.example.com", true), ("https://pbx.example.com", false), ("http://127.0.0.1:8080", false)]
        {
            let (configuration, file) = try settings("server = \"\(server)\"", password: password)
            XCTAssertNil(try ClientSettings.insecureWarning(for: configuration, overrides: ConnectionOverrides(), config: file), server)
        }
    }

    /// A bearer token or a PIN crossing a network in clear is said once, as a password is
    /// (issue 17.20); it is not refused (PBXs that speak only http would be locked out).
    func testTokenOrPINOverPlainHTTPToAnotherHostIsWarnedOf() throws {
        let (token, file) = try settings(#"server = "http://pbx.example.com""#, password: false)
        XCTAssertEqual(
            try ClientSettings.insecureWarning(for: token, overrides: ConnectionOverrides(), config: file),
            "your token goes to pbx.example.com in clear over http:// (use https:// to protect it)")
        var withPIN = token
        withPIN.pins = ["102": "12345"]
        XCTAssertEqual(
            try ClientSettings.insecureWarning(for: withPIN, overrides: ConnectionOverrides(), config: file),
            "your token and PIN go to pbx.example.com in clear over http:// (use https:// to protect them)")
        let (password, _) = try settings(#"server = "http://pbx.example.com""#)
        var passwordAndPIN = password
        passwordAndPIN.pins = ["102": "12345"]
        XCTAssertEqual(
            try ClientSettings.insecureWarning(for: passwordAndPIN, overrides: ConnectionOverrides(allowInsecure: true), config: file),
            "your password and PIN go to pbx.example.com in clear over http:// (allowed by --allow-insecure / allow_insecure)")
    }

    func testSchemeLessHostAndPortAsksForAScheme() {
        XCTAssertThrowsError(try ClientConfiguration.serverURL(from: "127.0.0.1:8080")) {
            XCTAssertEqual(($0 as? VoicemailError)?.message,
                #"server "127.0.0.1:8080" has no scheme: add http:// or https:// (e.g. http://127.0.0.1:8080)"#)
        }
        XCTAssertEqual(try ClientConfiguration.serverURL(from: "pbx.example.com").absoluteString, "https://pbx.example.com")
    }

    func testServerAddressesNeedAHostWhateverSurroundsIt() throws {
        for good in ["http://127.0.0.1:8080", "https://user@pbx.example.com/base", "https://[::1]:8443",
                     "https://pbx.example.com:443/", "https://bücher.example/pbx", "https://xn--bcher-kva.example"] {
            XCTAssertNoThrow(try ClientConfiguration.serverURL(from: good), good)
        }
        for bad in ["http://", "https://:8080", "https://user@", "https://[]:1", "https:///path", "http://?q", "ftp://pbx"] {
            XCTAssertThrowsError(try ClientConfiguration.serverURL(from: bad), bad)
        }
        XCTAssertEqual(try ClientConfiguration.serverURL(from: " https://pbx.example.com// ").absoluteString, "https://pbx.example.com")
    }

    func testEveryLoginCookieIsKeptWhateverItsName() {
        XCTAssertEqual(
            SessionCookies.header(from: ["WSESSID=abc; Path=/; HttpOnly", "lb=n2; Path=/", "old=deleted; Max-Age=0", "WSESSID=def"]),
            "lb=n2; WSESSID=def")
        XCTAssertNil(SessionCookies.header(from: ["=x", "empty=; Path=/"]))
    }

    func testRecordAudioURLsAreFoundUnderAnyPlausibleName() throws {
        let server = URL(string: "https://pbx.example.com/base")!
        func audioURL(_ field: String, _ value: String) throws -> String? {
            let record = #"{"id":"m1","callerNumber":"102","date":"2026-01-02T03:04:05Z","duration":3,"\#(field)":"\#(value)"}"#
            return try JSONDecoder().decode(LocatedMessage.self, from: Data(record.utf8)).location
                .map { AudioLocations.absolute($0, server: server) }
        }
        XCTAssertEqual(
            try audioURL("fileUrl", "/spoolview/voicemail/d/101/INBOX/msg1.mp3"),
            "https://pbx.example.com/spoolview/voicemail/d/101/INBOX/msg1.mp3")
        XCTAssertEqual(try audioURL("link", "https://cdn.example.net/a.wav?sig=1"), "https://cdn.example.net/a.wav?sig=1")
        XCTAssertEqual(try audioURL("audio", " spool/x.wav "), "https://pbx.example.com/spool/x.wav")
        XCTAssertEqual(
            AudioLocations.absolute("/a.wav", server: URL(string: "http://127.0.0.1:8080?x=1")!), "http://127.0.0.1:8080/a.wav")
        XCTAssertNil(try audioURL("file", "msg0001.wav"))
        XCTAssertNil(try audioURL("url", "file:///etc/passwd"))
        XCTAssertNil(try audioURL("path", "javascript:alert(1)"))
        XCTAssertNil(try audioURL("href", "https:///no-host.wav"))
        XCTAssertNil(try audioURL("href", "two words/a.wav"))

        let locations = AudioLocations()
        let body = #"""
            {"type":"result","result":{"total":"2","records":[
            {"id":"a","callerNumber":"102","date":"2026-01-02T03:04:05Z","duration":3,"audioUrl":"/s/a.wav"},
            {"msg_id":"b","callerNumber":"103","date":"2026-01-02T03:04:05Z","duration":4}]}}
            """#
        let page = try JSONDecoder().decode(ResultEnvelope<Page<LocatedMessage>>.self, from: Data(body.utf8)).result
        locations.learn(page.records)
        XCTAssertEqual(locations.url(for: "a", server: server), "https://pbx.example.com/s/a.wav")
        XCTAssertNil(locations.url(for: "b", server: server))
        locations.learn(page.records.map { LocatedMessage(message: $0.message, location: nil) })
        XCTAssertNil(locations.url(for: "a", server: server), "a record without a location forgets the old one")
        XCTAssertFalse(VoicemailClient.isSameOrigin("https://cdn.example.net/a.wav", server))
    }

    func testEmptyOrNonAudioOrMismatchedAudioIsRefused() throws {
        let directory = try TemporaryDirectory(prefix: "vmtui-audiocheck")
        defer { directory.remove() }
        let message = VoicemailMessage(
            id: "m1", mailbox: "101", folder: .inbox, callerNumber: "102", date: Date(), duration: 3, format: .wav,
            size: DocumentedWildixPBX.wav(seconds: 3).count)
        func check(_ data: Data, _ message: VoicemailMessage = message) throws {
            let file = directory.appending(UUID().uuidString)
            try data.write(to: file)
            try AudioExpectation(message).check(file)
        }
        XCTAssertNoThrow(try check(DocumentedWildixPBX.wav(seconds: 3)))
        let cases: [(Data, String)] = [
            (Data(), "it is empty (0 bytes)"),
            (Data("<html><body>login</body></html>".utf8), "it is not WAV or MP3 audio"),
            (DocumentedWildixPBX.wav(seconds: 9), "bytes, the message"),
        ]
        for (data, expected) in cases {
            XCTAssertThrowsError(try check(data)) {
                let text = ($0 as? VoicemailError)?.message ?? "\($0)"
                XCTAssertTrue(text.contains(expected), text)
                XCTAssertTrue(text.hasPrefix("refused the audio of message m1: "), text)
            }
        }
        var unsized = message
        unsized.size = 0
        XCTAssertThrowsError(try check(DocumentedWildixPBX.wav(seconds: 9), unsized)) {
            XCTAssertTrue("\($0)".contains("lasts 9 s, the message 3 s"), "\($0)")
        }
        var mp3 = message
        mp3.format = .mp3
        mp3.size = 0
        XCTAssertThrowsError(try check(DocumentedWildixPBX.wav(seconds: 3), mp3)) {
            XCTAssertTrue("\($0)".contains("it is WAV, the message is MP3"), "\($0)")
        }
    }
}
