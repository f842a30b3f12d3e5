import Logging
import PBXSimulator
import Synchronization
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest

/// Every call and error of docs/api.md against a real in-process simulator on loopback.
final class SimulatorIntegrationTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var simulator: RunningSimulator!

    override func setUp() async throws {
        directory = try TemporaryDirectory(prefix: "vmtui-client")
        simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url, seed: .demo))
    }

    override func tearDown() async throws {
        await simulator?.stop()
        directory?.remove()
    }

    private func client(
        _ credentials: Credentials = .bearer(token: "demo-101"), mailbox: String? = nil, pins: [String: String] = [:],
        url: URL? = nil
    ) -> VoicemailClient {
        VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: url ?? simulator.baseURL, credentials: credentials, mailbox: mailbox, pins: pins, timeout: 20))
    }

    private func expectError(_ expected: VoicemailError, line: UInt = #line, _ body: () async throws -> Void) async {
        do {
            try await body()
            XCTFail("expected \(expected)", line: line)
        } catch {
            XCTAssertEqual(error as? VoicemailError, expected, line: line)
        }
    }

    private func expectKind(_ kind: VoicemailError.Kind, line: UInt = #line, _ body: () async throws -> Void) async {
        do {
            try await body()
            XCTFail("expected a \(kind) error", line: line)
        } catch {
            XCTAssertEqual((error as? VoicemailError)?.kind, kind, "\(error)", line: line)
        }
    }

    /// A silent 16-bit mono 8 kHz WAV of the given length.
    private func makeWAV(seconds: Int, name: String) throws -> URL {
        let dataSize = seconds * 8000 * 2
        var header = Data("RIFF".utf8)
        func le32(_ v: Int) -> Data { withUnsafeBytes(of: UInt32(v).littleEndian) { Data($0) } }
        func le16(_ v: Int) -> Data { withUnsafeBytes(of: UInt16(v).littleEndian) { Data($0) } }
        header += le32(36 + dataSize) + Data("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1) + le32(8000) + le32(16000)
            + le16(2) + le16(16) + Data("data".utf8) + le32(dataSize)
        var tone = Data(count: dataSize)
        for i in stride(from: 0, to: dataSize, by: 2) { tone[i] = UInt8((i / 2) % 200) }
        let url = directory.appending(name)
        try (header + tone).write(to: url)
        return url
    }

    /// The spool audio file holding a message (found through msg_id in msgNNNN.txt).
    private func spoolAudio(of id: String) throws -> URL {
        let enumerator = FileManager.default.enumerator(at: directory.url, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "txt" {
            let text = try String(contentsOf: url, encoding: .utf8)
            if text.contains("msg_id=\(id)") {
                for ext in ["wav", "mp3"] {
                    let audio = url.deletingPathExtension().appendingPathExtension(ext)
                    if FileManager.default.fileExists(atPath: audio.path) { return audio }
                }
            }
        }
        throw TestSupportError("no spool file for \(id)")
    }

    // MARK: Authentication

    func testBearerBasicAndSessionAuthentication() async throws {
        let bearer = try await client().listMessages(folder: nil)
        XCTAssertGreaterThan(bearer.total, 0)
        let basic = try await client(.basic(extension: "101", password: "pass101")).listMessages(folder: nil)
        XCTAssertEqual(basic.total, bearer.total)
        let session = client(.session(extension: "101", password: "pass101"))
        let account = try await session.login()
        XCTAssertEqual(account, AccountInfo(extension: "101", name: "Alice Martin"))
        let sessionPage = try await session.listMessages(folder: nil)
        XCTAssertEqual(sessionPage.total, bearer.total)
    }

    func testBadCredentialsAreUnauthorized() async throws {
        await expectKind(.authentication) { _ = try await self.client(.bearer(token: "nope")).listMessages() }
        await expectKind(.authentication) { _ = try await self.client(.basic(extension: "101", password: "x")).mailboxes() }
        await expectKind(.authentication) { _ = try await self.client(.session(extension: "101", password: "x")).mailboxes() }
    }

    func testSessionLogsInAgainAfterServerRestart() async throws {
        let port = simulator.baseURL.port!
        let session = client(.session(extension: "101", password: "pass101"))
        _ = try await session.mailboxes()
        await simulator.stop()
        simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url, port: port))
        // The old PHPSESSID is unknown to the new process: one 401, one login, success.
        let boxes = try await session.mailboxes()
        XCTAssertEqual(boxes.first?.mailbox, "101")
    }

    // MARK: Permissions and PIN

    func testForbiddenMailboxAndSharedMailbox() async throws {
        await expectError(.forbidden(mailbox: "102", reason: "No permission for the voicemail of 102")) {
            _ = try await self.client().listMessages(mailbox: "102")
        }
        let support = client(.bearer(token: "demo-200"))
        let boxes = try await support.mailboxes()
        XCTAssertEqual(boxes.first?.own, true)
        XCTAssertEqual(Set(boxes.map(\.mailbox)), ["200", "101", "102"])
        let alices = try await support.listMessages(mailbox: "101", folder: nil)
        XCTAssertTrue(alices.records.allSatisfy { $0.mailbox == "101" })
    }

    func testPINRequiredWrongAndRight() async throws {
        await simulator.stop()
        let usersFile = directory.appending("users.json")
        var users = try JSONSerialization.jsonObject(with: Data(contentsOf: usersFile)) as! [String: Any]
        var list = users["users"] as! [[String: Any]]
        for index in list.indices where list[index]["extension"] as? String == "101" { list[index]["pinRequired"] = true }
        users["users"] = list
        try JSONSerialization.data(withJSONObject: users).write(to: usersFile)
        simulator = try await Simulator.start(SimulatorOptions(dataDirectory: directory.url))

        await expectError(.pinRequired(mailbox: "101")) {
            _ = try await self.client(.bearer(token: "demo-200"), mailbox: "101").listMessages()
        }
        await expectError(.pinWrong(mailbox: "101")) {
            _ = try await self.client(.bearer(token: "demo-200"), mailbox: "101", pins: ["101": "00000"]).listMessages()
        }
        let withPIN = client(.bearer(token: "demo-200"), mailbox: "101", pins: ["101": "pass1"])
        let page = try await withPIN.listMessages(folder: nil)
        XCTAssertGreaterThan(page.total, 0)
        // Calls on a message id carry the PIN of the configured mailbox too.
        let first = try XCTUnwrap(page.records.first)
        let fetched = try await withPIN.message(id: first.id)
        XCTAssertEqual(fetched.id, first.id)
        // The owner needs no PIN.
        _ = try await client().listMessages()
    }

    // MARK: Messages

    func testListFiltersSortsAndSearches() async throws {
        let c = client()
        let all = try await c.listMessages(folder: nil, count: 1000)
        XCTAssertEqual(all.records.count, all.total)
        let inbox = try await c.listMessages(folder: .inbox)
        XCTAssertTrue(inbox.records.allSatisfy { $0.folder == .inbox })
        let ascending = try await c.listMessages(folder: nil, sort: .date, direction: .ascending)
        XCTAssertEqual(ascending.records.map(\.date), ascending.records.map(\.date).sorted())
        let searched = try await c.listMessages(folder: nil, search: "bob")
        XCTAssertFalse(searched.records.isEmpty)
        let paged = try await c.listMessages(folder: nil, start: 1, count: 2)
        XCTAssertEqual(paged.records.map(\.id), Array(all.records.dropFirst().prefix(2)).map(\.id))
        let everything = try await c.allMessages()
        XCTAssertEqual(everything.count, all.total)
    }

    func testConditionalListAndMailboxes() async throws {
        let c = client()
        guard case .modified(_, let etag?) = try await c.listMessages(MessageQuery(folder: nil), ifNoneMatch: nil) else {
            return XCTFail("expected a page with an ETag")
        }
        let unchanged = try await c.listMessages(MessageQuery(folder: nil), ifNoneMatch: etag)
        guard case .notModified = unchanged else { return XCTFail("expected 304") }
        guard case .modified(let boxes, let boxTag?) = try await c.mailboxes(ifNoneMatch: nil) else {
            return XCTFail("expected mailboxes with an ETag")
        }
        let unread = boxes[0].unread
        let target = try await c.listMessages(folder: .inbox).records[0]
        _ = try await c.markRead(ids: [target.id])
        let changed = try await c.listMessages(MessageQuery(folder: nil), ifNoneMatch: etag)
        XCTAssertNotNil(changed.value)
        let changedBoxes = try await c.mailboxes(ifNoneMatch: boxTag)
        XCTAssertEqual(changedBoxes.value?.first?.unread, unread - 1)
    }

    func testMarkReadUnreadMoveAndOneMessage() async throws {
        let c = client()
        let target = try await c.listMessages(folder: .inbox).records[0]
        let read = try await c.markRead(ids: [target.id])
        XCTAssertEqual(read.first?.folder, .old)
        XCTAssertEqual(read.first?.read, true)
        let unread = try await c.markUnread(ids: [target.id])
        XCTAssertEqual(unread.first?.folder, .inbox)
        XCTAssertEqual(unread.first?.read, false)
        let moved = try await c.move(ids: [target.id], to: .work)
        XCTAssertEqual(moved.first?.folder, .work)
        let fetched = try await c.message(id: target.id)
        XCTAssertEqual(fetched.folder, .work)
        XCTAssertEqual(fetched.id, target.id)
    }

    func testDeleteThenNotFound() async throws {
        let c = client()
        let ids = try await c.listMessages(folder: nil).records.prefix(2).map(\.id)
        let deleted = try await c.delete(ids: ids)
        XCTAssertEqual(Set(deleted), Set(ids))
        await expectKind(.notFound) { _ = try await c.message(id: ids[0]) }
        await expectKind(.notFound) { _ = try await c.delete(ids: [ids[0]]) }
        await expectKind(.notFound) { _ = try await c.markRead(ids: [ids[1]]) }
    }

    func testForwardMakesCopiesAndRejectsUnknownTargets() async throws {
        let c = client()
        let original = try await c.listMessages(folder: nil).records[0]
        let copies = try await c.forward(id: original.id, to: ["102", "103"])
        XCTAssertEqual(copies.map(\.mailbox), ["102", "103"])
        let bobs = try await client(.bearer(token: "demo-102")).message(id: copies[0].id)
        XCTAssertTrue(bobs.isForwarded)
        XCTAssertEqual(bobs.duration, original.duration)
        await expectError(.noExtension("999")) { _ = try await c.forward(id: original.id, to: ["999"]) }
        XCTAssertEqual(VoicemailError.noExtension("999").message, "no extension 999")
        _ = try await c.delete(ids: [original.id])
        await expectKind(.notFound) { _ = try await c.forward(id: original.id, to: ["102"]) }
        await expectError(.badRequest(reason: "forward targets must be extensions (digits), e.g. 102*103")) {
            _ = try await c.forward(id: original.id, to: ["10a"])
        }
    }

    // MARK: Audio

    func testDownloadEqualsSpoolBytesWithProgress() async throws {
        let c = client()
        let message = try await c.listMessages(folder: nil).records[0]
        let target = directory.appending("out.\(message.format.fileExtension)")
        let seen = Counter()
        let result = try await c.downloadAudio(id: message.id, to: target, progress: { seen.record($0.bytes) })
        let expected = try Data(contentsOf: try spoolAudio(of: message.id))
        XCTAssertEqual(try Data(contentsOf: target), expected)
        XCTAssertEqual(result.bytes, Int64(expected.count))
        XCTAssertEqual(result.format, message.format)
        XCTAssertEqual(seen.maximum, Int64(expected.count))
        // No temporary file left beside it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".part-") }
        XCTAssertEqual(leftovers, [])

        // Streaming into a file a player already holds open: same bytes, same inode.
        let followed = directory.appending("followed.\(message.format.fileExtension)")
        _ = FileManager.default.createFile(atPath: followed.path, contents: nil)
        let reader = try FileHandle(forReadingFrom: followed)
        defer { try? reader.close() }
        try await c.downloadAudio(of: message, to: followed, atomically: false, progress: nil)
        XCTAssertEqual(try reader.readToEnd(), expected)
    }

    func testFailedDownloadLeavesNoFile() async throws {
        let target = directory.appending("gone.wav")
        await expectKind(.notFound) { _ = try await self.client().downloadAudio(id: "nope", to: target) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
        await expectKind(.notFound) { _ = try await self.client().downloadAudio(id: "nope", to: target, atomically: false) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
    }

    func testDepositFullTooLongAndUnsupported() async throws {
        let count = try await client().listMessages(folder: nil).total
        await simulator.stop()
        var options = SimulatorOptions(dataDirectory: directory.url)
        options.mailboxCapacity = count + 1
        simulator = try await Simulator.start(options)
        let c = client(.bearer(token: "demo-102"))
        let wav = try makeWAV(seconds: 2, name: "short.wav")
        let deposited = try await c.deposit(
            mailbox: "101", audioFile: wav, callerName: "Test Caller", callerNumber: "+4930123", urgent: true,
            transcription: "hello")
        XCTAssertEqual(deposited.mailbox, "101")
        XCTAssertEqual(deposited.duration, 2)
        XCTAssertTrue(deposited.urgent)
        await expectKind(.rejected) { _ = try await c.deposit(mailbox: "101", audioFile: wav, callerNumber: "1") }
        do {
            _ = try await c.deposit(mailbox: "101", audioFile: wav, callerNumber: "1")
        } catch let error as VoicemailError {
            guard case .mailboxFull = error else { return XCTFail("\(error)") }
        }
        let long = try makeWAV(seconds: 181, name: "long.wav")
        do {
            _ = try await c.deposit(mailbox: "102", audioFile: long, callerNumber: "1")
            XCTFail("expected too long")
        } catch let error as VoicemailError {
            guard case .tooLong = error else { return XCTFail("\(error)") }
        }
        let text = directory.appending("note.txt")
        try Data("just text, not audio".utf8).write(to: text)
        do {
            _ = try await c.deposit(mailbox: "102", audioFile: text, callerNumber: "1")
            XCTFail("expected 415")
        } catch let error as VoicemailError {
            guard case .unsupportedMediaType = error else { return XCTFail("\(error)") }
        }
        await expectError(.localFile(path: directory.appending("missing.wav").path, reason: "no such file")) {
            _ = try await c.deposit(mailbox: "102", audioFile: self.directory.appending("missing.wav"), callerNumber: "1")
        }
    }

    // MARK: Greetings

    func testGreetingsUploadDownloadReset() async throws {
        let c = client(.bearer(token: "demo-102"))
        let greetings = try await c.greetings()
        XCTAssertEqual(Set(greetings.map(\.type)), Set(GreetingType.allCases))
        let wav = try makeWAV(seconds: 3, name: "busy.wav")
        let size = try Data(contentsOf: wav).count
        let seen = Counter()
        let uploaded = try await c.uploadGreeting(.busy, from: wav, progress: { seen.record($0.bytes) })
        XCTAssertTrue(uploaded.present)
        XCTAssertEqual(uploaded.duration, 3)
        XCTAssertEqual(seen.maximum, Int64(size))
        let one = try await c.greeting(.busy)
        XCTAssertTrue(one.present)
        let copy = directory.appending("busy-copy.wav")
        try await c.downloadGreeting(.busy, to: copy)
        XCTAssertEqual(try Data(contentsOf: copy), try Data(contentsOf: wav))
        let reset = try await c.resetGreeting(.busy)
        XCTAssertFalse(reset.present)
        await expectKind(.notFound) { try await c.downloadGreeting(.busy, to: self.directory.appending("none.wav")) }
        let long = try makeWAV(seconds: 181, name: "long-greeting.wav")
        await expectKind(.rejected) { _ = try await c.uploadGreeting(.name, from: long) }
        await expectKind(.permission) { _ = try await c.greetings(mailbox: "101") }
    }

    /// The temporary greeting and the copy call of pbx-sim's vmtui face [vmtui extension]:
    /// `temp.*` in the spool, `POST …/Greetings/{type}/copy` with `{"to": …}`.
    func testTemporaryGreetingAndCopyOnTheVmtuiFace() async throws {
        let c = client(.bearer(token: "demo-102"))
        let capabilities = try await c.capabilities()
        XCTAssertEqual(capabilities.greetingTypes, GreetingType.allCases)
        XCTAssertTrue(capabilities.has(.greetingCopy))
        let wav = try makeWAV(seconds: 2, name: "away.wav")
        let temporary = try await c.uploadGreeting(.temporary, from: wav)
        XCTAssertEqual(temporary.type, .temporary)
        XCTAssertTrue(temporary.present)
        let spool = directory.url.appendingPathComponent("default/102")
        XCTAssertTrue(FileManager.default.fileExists(atPath: spool.appendingPathComponent("temp.wav").path), "Asterisk's name")
        let copied = try await c.copyGreeting(.temporary, to: .busy)
        XCTAssertEqual(copied.type, .busy)
        XCTAssertEqual(copied.duration, 2)
        let back = directory.appending("busy-from-temp.wav")
        try await c.downloadGreeting(.busy, to: back)
        XCTAssertEqual(try Data(contentsOf: back), try Data(contentsOf: wav))
        let removed = try await c.resetGreeting(.temporary)
        XCTAssertFalse(removed.present)
        XCTAssertFalse(FileManager.default.fileExists(atPath: spool.appendingPathComponent("temp.wav").path))
        // The default has nothing to copy; a greeting onto itself is refused before sending.
        await expectKind(.notFound) { _ = try await c.copyGreeting(.temporary, to: .name) }
        await expectKind(.rejected) { _ = try await c.copyGreeting(.busy, to: .busy) }
        // Someone else's mailbox: the same permission rules as every greeting call.
        await expectKind(.permission) { _ = try await c.copyGreeting(.busy, to: .name, mailbox: "101") }
    }

    func testLogFileNeverContainsSecrets() async throws {
        let logPath = directory.appending("client.log").path
        let factory = try XCTUnwrap(FileLogHandler.factory(path: logPath, level: .trace))
        let logger = Logger(label: "test", factory: factory)
        let c = VoicemailClient(
            configuration: ClientConfiguration(
                serverURL: simulator.baseURL, credentials: .session(extension: "101", password: "pass101"),
                mailbox: "101", pins: ["101": "98765"]),
            logger: logger)
        _ = try await c.listMessages()
        _ = try? await VoicemailClient(
            configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: .bearer(token: "demo-103")),
            logger: logger
        ).mailboxes()
        let log = try String(contentsOfFile: logPath, encoding: .utf8)
        XCTAssertFalse(log.isEmpty)
        for secret in ["pass101", "demo-103", "98765"] {
            XCTAssertFalse(log.contains(secret), "\(secret) in log:\n\(log)")
        }
        // The session cookie's value is the server's secret: a line naming a cookie shows it redacted.
        for line in log.split(separator: "\n") where line.lowercased().contains("cookie") {
            XCTAssertTrue(line.contains("<redacted>"), "a session cookie in the log: \(line)")
        }
    }
}

final class Counter: Sendable {
    private let value = Mutex<Int64>(0)
    func record(_ bytes: Int64) { value.withLock { $0 = max($0, bytes) } }
    var maximum: Int64 { value.withLock { $0 } }
}

final class DataBox: Sendable {
    private let stored = Mutex(Data())
    func append(_ data: Data) { stored.withLock { $0.append(data) } }
    var data: Data { stored.withLock { $0 } }
}
