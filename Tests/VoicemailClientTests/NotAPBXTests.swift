import Foundation
import Synchronization
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// Issue 17.8: a web server that is not a PBX (a wrong --server). Every call says there is no
/// voicemail API, and no write is ever sent to it.
final class NotAPBXTests: XCTestCase {
    private var server: CannedHTTPServer!
    private let seen = RequestLog()

    override func setUpWithError() throws {
        // An ordinary web server: an HTML page for /, 404 pages for the rest, whatever the method.
        server = try CannedHTTPServer(.handler { [seen] request in
            seen.add("\(request.method) \(request.path)")
            let page = request.path == "/" ? "<html><body>It works!</body></html>" : "<html><body>Not Found</body></html>"
            return CannedResponse(
                status: request.path == "/" ? 200 : 404, headers: ["Content-Type: text/html"], body: Data(page.utf8))
        })
    }

    override func tearDown() { server?.stop() }

    private func client(_ api: APIFlavor = .auto) -> VoicemailClient {
        VoicemailClient(
            configuration: ClientConfiguration(serverURL: server.baseURL, credentials: .bearer(token: "t"), timeout: 10, api: api))
    }

    private func expectNoAPI(_ what: String, _ body: () async throws -> Void, line: UInt = #line) async {
        do {
            try await body()
            XCTFail("\(what) succeeded", line: line)
        } catch {
            XCTAssertEqual(error as? VoicemailError, .noVoicemailAPI(url: server.baseURL.absoluteString), what, line: line)
        }
    }

    func testEveryCallSaysNoVoicemailAPIAndNoWriteIsSent() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-pbx-\(UUID()).wav")
        try Data("RIFF".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for api in [APIFlavor.auto, .wildix, .vmtui] {
            let c = client(api)
            await expectNoAPI("delete (\(api))") { _ = try await c.delete(ids: ["abc"]) }
            await expectNoAPI("mark read (\(api))") { _ = try await c.markRead(ids: ["abc"]) }
            await expectNoAPI("list (\(api))") { _ = try await c.listMessages() }
            if api != .wildix {
                // An explicit wildix flavor refuses these before any request (exit 7, nothing sent).
                await expectNoAPI("reset greeting (\(api))") { _ = try await c.resetGreeting(.busy) }
                await expectNoAPI("forward (\(api))") { _ = try await c.forward(id: "abc", to: ["102"]) }
                await expectNoAPI("move (\(api))") { _ = try await c.move(ids: ["abc"], to: .work) }
            }
            if api == .auto {
                await expectNoAPI("mailboxes") { _ = try await c.mailboxes() }
                await expectNoAPI("capabilities") { _ = try await c.capabilities() }
                await expectNoAPI("show") { _ = try await c.message(id: "abc") }
            }
        }
        let sent = seen.lines
        XCTAssertFalse(sent.isEmpty)
        XCTAssertEqual(sent.filter { !$0.hasPrefix("GET ") }, [], "only reads reached the web server")
    }
}

private final class RequestLog: Sendable {
    private let collected = Mutex<[String]>([])
    var lines: [String] { collected.withLock { $0 } }
    func add(_ line: String) { collected.withLock { $0.append(line) } }
}
