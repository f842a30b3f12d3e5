import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// Failures only a hand-made server can produce: decoding variants, garbage, silence.
final class TransportFailureTests: XCTestCase {
    private func client(_ url: URL, timeout: Double = 30, connectTimeout: Double = 10) -> VoicemailClient {
        VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: url, credentials: .bearer(token: "t"), connectTimeout: connectTimeout, timeout: timeout))
    }

    private func expectError(_ expected: (VoicemailError) -> Bool, _ body: () async throws -> Void, line: UInt = #line) async {
        do {
            try await body()
            XCTFail("expected an error", line: line)
        } catch let error as VoicemailError {
            XCTAssertTrue(expected(error), "unexpected \(error)", line: line)
        } catch {
            XCTFail("not a VoicemailError: \(error)", line: line)
        }
    }

    private let message = #"{"id":"m1","mailbox":"101","folder":"inbox","read":"0","urgent":1,"callerid":"\"Bob\" <102>","date":1764230100,"duration":"42","format":"wav","size":"100","extra":{"x":1}}"#

    func testListAcceptsStringTotalAndRecords() async throws {
        let server = try CannedHTTPServer(.respond(status: 200, body: #"{"type":"result","result":{"total":"12","records":[\#(message)]}}"#))
        let page = try await client(server.baseURL).listMessages()
        XCTAssertEqual(page.total, 12)
        XCTAssertEqual(page.records.first?.callerName, "Bob")
        XCTAssertEqual(page.records.first?.callerNumber, "102")
        XCTAssertEqual(page.records.first?.duration, 42)
        XCTAssertEqual(page.records.first?.urgent, true)
        XCTAssertEqual(page.records.first?.folder, .inbox)
    }

    func testListAcceptsRowsAndNumberTotal() async throws {
        let server = try CannedHTTPServer(.respond(status: 200, body: #"{"type":"result","result":{"total":3,"rows":[\#(message)]}}"#))
        let page = try await client(server.baseURL).listMessages()
        XCTAssertEqual(page.total, 3)
        XCTAssertEqual(page.records.count, 1)
    }

    func testListAcceptsBareArrayAndMissingOptionals() async throws {
        let minimal = #"{"id":"m2","callerNumber":"103","date":"2026-11-27T08:15:00+00:00"}"#
        let server = try CannedHTTPServer(.respond(status: 200, body: #"{"type":"result","result":[\#(message),\#(minimal)]}"#))
        let page = try await client(server.baseURL).listMessages()
        XCTAssertEqual(page.total, 2)
        XCTAssertNil(page.records[1].callerName)
        XCTAssertNil(page.records[1].transcription)
    }

    func testAWebPageInsteadOfTheAPIsaysSo() async throws {
        let server = try CannedHTTPServer(.respond(status: 200, headers: ["Content-Type: text/html"], body: "<html>oops</html>"))
        await expectError({ $0 == .noVoicemailAPI(url: server.baseURL.absoluteString) }) {
            _ = try await self.client(server.baseURL).listMessages()
        }
        XCTAssertEqual(
            VoicemailError.noVoicemailAPI(url: "http://x").message, "no voicemail API at http://x; check --server")
        XCTAssertEqual(VoicemailError.noVoicemailAPI(url: "http://x").kind, .server)
    }

    func testA404WithoutTheAPIsEnvelopeIsNoVoicemailAPI() async throws {
        let server = try CannedHTTPServer(.respond(status: 404, headers: ["Content-Type: text/html"], body: "<h1>Not Found</h1>"))
        await expectError({ $0 == .noVoicemailAPI(url: server.baseURL.absoluteString) }) {
            _ = try await self.client(server.baseURL).listMessages()
        }
    }

    func testJSONThatIsNotThisAPIsAnswerIsMalformedWhenEnveloped() async throws {
        let server = try CannedHTTPServer(.respond(status: 200, body: #"{"type":"result","result":{"total":"1","records":[{"x":1}]}}"#))
        await expectError({
            if case .malformedResponse(let expected, _) = $0 { return expected == "a page of messages" }
            return false
        }) { _ = try await self.client(server.baseURL).listMessages() }
    }

    func testMissingFieldIsMalformedAndNamesIt() async throws {
        let server = try CannedHTTPServer(.respond(status: 200, body: #"{"type":"result","result":{"id":"x"}}"#))
        await expectError({
            if case .malformedResponse(_, let detail) = $0 { return detail.contains("date") }
            return false
        }) { _ = try await self.client(server.baseURL).message(id: "x") }
    }

    func testGarbageInsteadOfHTTPIsMalformed() async throws {
        let server = try CannedHTTPServer(.raw("SSH-2.0-OpenSSH_9.2\r\n\r\n"))
        await expectError({ if case .malformedResponse = $0 { return true } else { return false } }) {
            _ = try await self.client(server.baseURL).mailboxes()
        }
    }

    func testSilentServerTimesOut() async throws {
        let server = try CannedHTTPServer(.silent)
        await expectError({ $0 == .responseTimeout(endpoint: "127.0.0.1:\(server.port)", seconds: 1) }) {
            _ = try await self.client(server.baseURL, timeout: 1).listMessages()
        }
        server.stop()
    }

    func testClosedPortCannotConnect() async throws {
        let port = try FreePort.loopback()
        await expectError({ $0 == .cannotConnect(endpoint: "127.0.0.1:\(port)", reason: "connection refused") }) {
            _ = try await self.client(URL(string: "http://127.0.0.1:\(port)")!).listMessages()
        }
    }

    func testErrorEnvelopeWithoutCodeFromARealPBX() async throws {
        let server = try CannedHTTPServer(.respond(status: 403, body: #"{"type":"error","reason":"PIN required","result":null}"#))
        let configured = VoicemailClient(
            configuration: ClientConfiguration(serverURL: server.baseURL, credentials: .bearer(token: "t"), mailbox: "102"))
        await expectError({ $0 == .pinRequired(mailbox: "102") }) { _ = try await configured.listMessages() }
    }

    func testCancellationAbortsTransfer() async throws {
        let server = try CannedHTTPServer(.silent)
        let client = self.client(server.baseURL, timeout: 60)
        let task = Task { try await client.listMessages() }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("expected cancellation")
        } catch {
            XCTAssertEqual(error as? VoicemailError, .cancelled)
        }
        server.stop()
    }
}

