import Foundation
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// The client against a PBX that speaks only the documented Wildix calls: nothing it lacks
/// is offered or sent, a body-ignoring PUT never passes for success, minimal answers work.
final class DocumentedWildixTests: XCTestCase {
    private var pbx: DocumentedWildixPBX!
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory(prefix: "vmtui-wildix")
    }

    override func tearDown() {
        pbx?.stop()
        directory?.remove()
    }

    private func client(
        api: APIFlavor = .auto, credentials: Credentials = .bearer(token: DocumentedWildixPBX.token),
        pretendsExtensions: Bool = false
    ) throws -> VoicemailClient {
        if pbx == nil { pbx = try DocumentedWildixPBX(pretendsExtensions: pretendsExtensions) }
        return VoicemailClient(
            configuration: ClientConfiguration(serverURL: pbx.baseURL, credentials: credentials, timeout: 20, api: api))
    }

    private func expectError(
        _ expected: VoicemailError, file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            XCTFail("expected \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? VoicemailError, expected, file: file, line: line)
        }
    }

    /// Requests that only the vmtui contract has, or that carry a change in a body.
    private func forbiddenRequests() -> [String] {
        pbx.requests.filter { request in
            let path = request.path
            let putWithBody = request.method == "PUT" && !request.body.isEmpty
            let extensionCall = path.hasSuffix("/forward") || path.contains("/Greetings") || path.hasSuffix("/file")
            let mailboxesWrite = path.hasSuffix("/Mailboxes") && request.method != "GET"
            return putWithBody || extensionCall || mailboxesWrite || request.method == "POST" && !path.hasSuffix("/login")
        }.map { "\($0.method) \($0.target)" }
    }

    func testAutoFindsOnlyTheDocumentedCallsWithReadOnlyRequests() async throws {
        let c = try client()
        let capabilities = try await c.capabilities()
        XCTAssertEqual(capabilities.supported, [])
        XCTAssertEqual(capabilities.greetingTypes, [])
        XCTAssertTrue(pbx.requests.allSatisfy { $0.method == "GET" }, "\(pbx.requests.map(\.method))")
        // Learned once: asking again sends nothing.
        let before = pbx.requests.count
        _ = try await c.capabilities()
        XCTAssertEqual(pbx.requests.count, before)
    }

    func testWhatTheServerLacksIsRefusedAndNothingIsSent() async throws {
        for api in [APIFlavor.auto, .wildix] {
            pbx?.stop()
            pbx = nil
            let c = try client(api: api)
            let old = "1764230400-00000004"
            await expectError(.unsupported(.markUnread)) { _ = try await c.markUnread(ids: [old]) }
            await expectError(.unsupported(.move)) { _ = try await c.move(ids: [old], to: .work) }
            await expectError(.unsupported(.move)) { _ = try await c.update(id: old, MessageUpdate(folder: .family)) }
            await expectError(.unsupported(.forward)) { _ = try await c.forward(id: old, to: ["102"]) }
            await expectError(.unsupported(.greetings)) { _ = try await c.greetings() }
            await expectError(.unsupported(.greetings)) { _ = try await c.resetGreeting(.busy) }
            await expectError(.unsupported(.greetingUpload)) {
                _ = try await c.uploadGreeting(.busy, from: self.directory.appending("none.wav"))
            }
            await expectError(.unsupported(.mailboxList)) { _ = try await c.mailboxes() }
            XCTAssertEqual(forbiddenRequests(), [], "api \(api)")
            XCTAssertTrue(pbx.requests.allSatisfy { $0.method == "GET" }, "api \(api): \(pbx.requests.map(\.target))")
            if api == .wildix { XCTAssertEqual(pbx.requests.count, 0, "an explicit flavor needs no probe") }
            XCTAssertEqual(pbx.records().first { $0.id == old }?.folder, "Old")
        }
    }

    func testUrgentAndCustomFoldersDecodeAndStringTotalsPage() async throws {
        let c = try client()
        let page = try await c.listMessages(MessageQuery(folder: nil, count: 2))
        XCTAssertEqual(page.total, 4)
        XCTAssertEqual(page.records.count, 2)
        let all = try await c.allMessages(mailbox: nil, folder: nil, pageSize: 3)
        XCTAssertEqual(all.messages.count, 4)
        let folders = Set(all.messages.map(\.folder))
        XCTAssertEqual(folders, [.inbox, .urgent, .cust1, .old])
        let urgent = try XCTUnwrap(all.messages.first { $0.folder == .urgent })
        XCTAssertTrue(urgent.urgent)
        XCTAssertEqual(urgent.callerName, "Dana K")
        XCTAssertEqual(urgent.callerNumber, "103")
    }

    func testMarkReadWithTheEmptyPutAndAMinimalAnswerRereadsTheMessage() async throws {
        let c = try client()
        let updated = try await c.markRead(ids: ["1764230100-00000001"])
        XCTAssertEqual(updated.map(\.folder), [.old])
        XCTAssertEqual(updated.map(\.read), [true])
        let puts = pbx.requests.filter { $0.method == "PUT" }
        XCTAssertEqual(puts.map(\.body), [Data()])
        XCTAssertEqual(forbiddenRequests(), [])
    }

    func testBodyIgnoringPutIsNeverReportedAsUnreadOrMove() async throws {
        // The server looks like the full contract (it has Mailboxes), but ignores PUT bodies.
        let c = try client(pretendsExtensions: true)
        let seemed = try await c.capabilities()
        XCTAssertTrue(seemed.has(.markUnread))
        let old = "1764230400-00000004"
        do {
            _ = try await c.markUnread(ids: [old])
            XCTFail("mark unread reported success although the message stayed read")
        } catch let error as VoicemailError {
            guard case .notApplied(let what, let detail) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(what.contains("unread"), what)
            XCTAssertTrue(detail.contains("read, in Old"), detail)
            XCTAssertFalse(error.message.contains("\n"))
        }
        // Found out: neither mark unread nor move is offered again, and nothing more is sent.
        let capabilities = try await c.capabilities()
        XCTAssertFalse(capabilities.has(.markUnread))
        XCTAssertFalse(capabilities.has(.move))
        let sent = pbx.requests.count
        await expectError(.unsupported(.move)) { _ = try await c.move(ids: [old], to: .work) }
        XCTAssertEqual(pbx.requests.count, sent)

        // A fresh session asked to move: the server marks read and leaves it where it was.
        let fresh = try client(pretendsExtensions: true)
        let inbox = "1764230100-00000001"
        do {
            _ = try await fresh.move(ids: [inbox], to: .work)
            XCTFail("move reported success although the message did not move")
        } catch let error as VoicemailError {
            guard case .notApplied = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(pbx.records().first { $0.id == inbox }?.folder, "Old")
    }

    func testSessionLoginKeepsACookieOfAnyNameAndAMinimalAnswer() async throws {
        let c = try client(credentials: .session(extension: "101", password: "secret"))
        let page = try await c.listMessages(MessageQuery(folder: nil))
        XCTAssertEqual(page.total, 4)
        let listed = try XCTUnwrap(pbx.requests.last { $0.path == "/api/v1/VoiceMail" })
        let cookie = try XCTUnwrap(listed.header("cookie"))
        XCTAssertTrue(cookie.contains(DocumentedWildixPBX.cookie), cookie)
        XCTAssertTrue(cookie.contains("lb=node2"), cookie)
        let account = try await c.whoAmI()
        XCTAssertEqual(account, AccountInfo(extension: "101", name: "Alice Martin"))
    }

    func testWhoAmIUsesPersonalInfoForBearer() async throws {
        let c = try client()
        let account = try await c.whoAmI()
        XCTAssertEqual(account?.extension, "101")
        XCTAssertEqual(account?.name, "Alice Martin")
        XCTAssertTrue(pbx.requests.contains { $0.path == "/api/v1/personal/info" })
    }

    func testDeleteWithAMinimalAnswerIsCheckedByTheList() async throws {
        let c = try client()
        let deleted = try await c.delete(ids: ["1764230300-00000003"])
        XCTAssertEqual(deleted, ["1764230300-00000003"])
        XCTAssertEqual(pbx.records().count, 3)
        XCTAssertTrue(pbx.requests.contains { $0.method == "DELETE" && $0.path == "/api/v1/VoiceMail/1764230300-00000003/" })
    }

    func testAudioComesFromTheRecordsSpoolURLAndIsChecked() async throws {
        let c = try client()
        let messages = try await c.allMessages(mailbox: nil, folder: nil).messages
        let message = try XCTUnwrap(messages.first { $0.id == "1764230100-00000001" })
        let target = directory.appending("right.wav")
        let result = try await c.downloadAudio(of: message, to: target, atomically: true, progress: nil)
        XCTAssertEqual(result.bytes, Int64(DocumentedWildixPBX.wav(seconds: 3).count))
        XCTAssertEqual(try Data(contentsOf: target), DocumentedWildixPBX.wav(seconds: 3))
        XCTAssertFalse(pbx.requests.contains { $0.path.hasSuffix("/file") })
        XCTAssertTrue(pbx.requests.contains { $0.path.hasPrefix("/spoolview/voicemail/default/101/INBOX/") })
    }

    func testAnotherMessagesAudioIsRefusedAndNothingIsKept() async throws {
        let c = try client()
        let messages = try await c.allMessages(mailbox: nil, folder: nil).messages
        let message = try XCTUnwrap(messages.first { $0.id == "1764230100-00000001" })
        pbx.swapAudio(of: message.id, with: "1764230400-00000004")
        for atomically in [true, false] {
            let target = directory.appending("wrong-\(atomically).wav")
            if !atomically { _ = FileManager.default.createFile(atPath: target.path, contents: nil) }
            do {
                try await c.downloadAudio(of: message, to: target, atomically: atomically, progress: nil)
                XCTFail("another message's audio was accepted")
            } catch let error as VoicemailError {
                guard case .wrongAudio(let id, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(id, message.id)
                XCTAssertTrue(error.message.contains("nothing was kept"), error.message)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? NSNumber)?.intValue ?? 0
            XCTAssertEqual(size, 0, "bytes of the wrong audio reached \(target.lastPathComponent)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".part-") }
            XCTAssertEqual(leftovers, [])
        }
    }
}
