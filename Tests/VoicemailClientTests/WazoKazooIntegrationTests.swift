import Foundation
import PBXSimulator
import Synchronization
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// The Wazo and Kazoo backends against pbx-sim's Wazo and Kazoo faces on loopback, and the
/// shared backend checks run alike against every HTTP face (vmtui, Wazo, Kazoo).
final class WazoKazooIntegrationTests: XCTestCase {
    private final class Recorder: Sendable {
        let records = Mutex<[RequestRecord]>([])
        func add(_ record: RequestRecord) { records.withLock { $0.append(record) } }
        var all: [RequestRecord] { records.withLock { $0 } }
        func count(_ method: String, _ contains: String) -> Int {
            all.filter { $0.method == method && $0.target.contains(contains) }.count
        }
    }

    private var directory: TemporaryDirectory!
    private var running: [RunningSimulator] = []

    override func setUp() async throws {
        directory = try TemporaryDirectory(prefix: "vmtui-vendor")
    }

    override func tearDown() async throws {
        for simulator in running { await simulator.stop() }
        directory?.remove()
    }

    private func start(
        _ flavor: SimulatorFlavor, seed: Bool = true, tokenTTL: Int? = nil, recorder: Recorder? = nil
    ) async throws -> RunningSimulator {
        var options = SimulatorOptions(dataDirectory: directory.url, seed: seed ? .demo : nil)
        options.flavor = flavor
        options.limits.tokenTTL = tokenTTL
        if let recorder { options.onRequest = { recorder.add($0) } }
        let simulator = try await Simulator.start(options)
        running.append(simulator)
        return simulator
    }

    private func stopAll() async {
        for simulator in running { await simulator.stop() }
        running = []
    }

    private func configuration(_ simulator: RunningSimulator, user: String, account: String? = nil) -> ClientConfiguration {
        ClientConfiguration(
            serverURL: simulator.baseURL, credentials: .session(extension: user, password: "pass\(user)"), timeout: 20,
            account: account)
    }

    private func wazo(_ simulator: RunningSimulator, user: String = "101", pageSize: Int = 500) -> WazoBackend {
        WazoBackend(configuration: configuration(simulator, user: user), pageSize: pageSize)
    }

    private func kazoo(_ simulator: RunningSimulator, user: String = "101", pageSize: Int = 500) -> KazooBackend {
        KazooBackend(configuration: configuration(simulator, user: user, account: "pbx-sim"), pageSize: pageSize)
    }

    private func expectError(_ expected: VoicemailError, line: UInt = #line, _ body: () async throws -> Void) async {
        do {
            try await body()
            XCTFail("expected \(expected)", line: line)
        } catch {
            XCTAssertEqual(error as? VoicemailError, expected, line: line)
        }
    }

    // MARK: The shared backend checks, on every HTTP face

    /// What every backend does alike: list New (unread only), the same message by id, its
    /// audio (checked against the record), mark read and unread, delete, own mailbox first.
    private func checkSharedBehaviour(_ backend: any VoicemailBackend, _ name: String) async throws {
        let capabilities = try await backend.capabilities()
        let inbox = try await FolderListing(backend).messages(MessageQuery(folder: .inbox))
        XCTAssertGreaterThan(inbox.records.count, 1, name)
        XCTAssertEqual(inbox.total, inbox.records.count, name)
        XCTAssertTrue(inbox.records.allSatisfy { !$0.read }, name)
        XCTAssertEqual(inbox.records.map(\.date), inbox.records.map(\.date).sorted(by: >), "\(name): newest first")
        let first = inbox.records[0]
        let one = try await backend.message(id: first.id, mailbox: nil)
        XCTAssertEqual([one.id, one.callerNumber], [first.id, first.callerNumber], name)
        XCTAssertEqual(one.date, first.date, name)
        XCTAssertEqual(one.duration, first.duration, name)
        let file = directory.appending("audio-\(name)")
        let downloaded = try await backend.downloadAudio(of: first, to: file, atomically: true, progress: nil)
        XCTAssertGreaterThan(downloaded.bytes, 100, name)
        XCTAssertEqual(try Data(contentsOf: file).count, Int(downloaded.bytes), name)
        let marked = try await backend.markRead(ids: [first.id], mailbox: nil)
        XCTAssertEqual(marked.map(\.read), [true], name)
        XCTAssertEqual(marked.map(\.folder), [.old], name)
        if capabilities.has(.markUnread) {
            let back = try await backend.markUnread(ids: [first.id], mailbox: nil)
            XCTAssertEqual(back.map(\.read), [false], name)
            XCTAssertEqual(back.map(\.folder), [.inbox], name)
        }
        let deleted = try await backend.delete(ids: [first.id], mailbox: nil)
        XCTAssertEqual(deleted, [first.id], name)
        do {
            _ = try await backend.message(id: first.id, mailbox: nil)
            XCTFail("\(name): a deleted message is still there")
        } catch {
            XCTAssertEqual((error as? VoicemailError)?.kind, .notFound, name)
        }
        let after = try await FolderListing(backend).messages(MessageQuery(folder: .inbox))
        XCTAssertEqual(after.total, inbox.total - 1, name)
        let boxes = try await backend.mailboxes(ifNoneMatch: nil).value ?? []
        XCTAssertEqual(boxes.first?.own, true, name)
        XCTAssertEqual(boxes.first?.newCount, after.total, name)
    }

    func testSharedBehaviourOnTheVmtuiFace() async throws {
        let simulator = try await start(.full)
        let client = VoicemailClient(
            configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: .bearer(token: "demo-101"), timeout: 20))
        try await checkSharedBehaviour(client, "vmtui")
    }

    func testSharedBehaviourOnTheWazoFace() async throws {
        try await checkSharedBehaviour(wazo(try await start(.wazo)), "wazo")
    }

    func testSharedBehaviourOnTheKazooFace() async throws {
        try await checkSharedBehaviour(kazoo(try await start(.kazoo)), "kazoo")
    }

    // MARK: The same spool read through every face

    /// Kazoo's Gregorian seconds and milliseconds and Wazo's Unix seconds all come back as
    /// the spool's own dates and lengths (read first through the vmtui face).
    func testDatesAndLengthsMatchTheSpoolThroughEveryFace() async throws {
        let full = try await start(.full)
        let client = VoicemailClient(
            configuration: ClientConfiguration(serverURL: full.baseURL, credentials: .bearer(token: "demo-101"), timeout: 20))
        let truth = try await client.allMessages(mailbox: nil, folder: nil).messages
        XCTAssertGreaterThan(truth.count, 3)
        await stopAll()
        let expected = Dictionary(uniqueKeysWithValues: truth.map { ($0.id, $0) })

        let kazooMessages = try await kazoo(try await start(.kazoo, seed: false)).allMessages(mailbox: nil, folder: nil).messages
        await stopAll()
        let wazoMessages = try await wazo(try await start(.wazo, seed: false)).allMessages(mailbox: nil, folder: nil).messages
        for (face, messages) in [("kazoo", kazooMessages), ("wazo", wazoMessages)] {
            // Wazo has six folders (no Cust1–5, no Deleted); Kazoo lists all but deleted ones.
            let shown = face == "wazo" ? Set(Folder.allCases + [.urgent]) : Set(truth.map(\.folder)).subtracting([.deleted])
            XCTAssertEqual(Set(messages.map(\.id)), Set(truth.filter { shown.contains($0.folder) }.map(\.id)), face)
            for message in messages {
                let spool = try XCTUnwrap(expected[message.id])
                XCTAssertEqual(message.date, spool.date, "\(face) \(message.id)")
                XCTAssertEqual(message.duration, spool.duration, "\(face) \(message.id)")
                XCTAssertEqual(message.callerNumber, spool.callerNumber, "\(face) \(message.id)")
                XCTAssertEqual(message.read, spool.read, "\(face) \(message.id)")
            }
        }
    }

    // MARK: Wazo

    /// A token that expires mid-session is replaced without the caller noticing; at exit
    /// every token vmtui obtained is revoked.
    func testWazoTokenExpiryMidSessionAndRevokeOnClose() async throws {
        let recorder = Recorder()
        let backend = wazo(try await start(.wazo, tokenTTL: 1, recorder: recorder))
        let before = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil).value
        try await Task.sleep(for: .milliseconds(1500))
        let after = try await backend.listMessages(MessageQuery(folder: .old), ifNoneMatch: nil).value
        XCTAssertNotNil(before)
        XCTAssertNotNil(after)
        XCTAssertEqual(recorder.count("POST", "/api/auth/0.1/token"), 2)
        XCTAssertTrue(recorder.all.contains { $0.status == 401 })
        await backend.close()
        XCTAssertEqual(recorder.count("DELETE", "/api/auth/0.1/token/"), 2)
    }

    func testWazoBadPasswordIsAnAuthenticationFailureWithTheServersWords() async throws {
        let simulator = try await start(.wazo)
        let backend = WazoBackend(
            configuration: ClientConfiguration(
                serverURL: simulator.baseURL, credentials: .session(extension: "101", password: "nope"), timeout: 20))
        await expectError(.unauthorized(reason: "Authentication Failed")) {
            _ = try await backend.listMessages(MessageQuery(), ifNoneMatch: nil)
        }
    }

    /// A ready token (VMTUI_TOKEN) that the server refuses is not retried and is never revoked.
    func testWazoReadyTokenRefusedOnce() async throws {
        let recorder = Recorder()
        let simulator = try await start(.wazo, recorder: recorder)
        let backend = WazoBackend(
            configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: .bearer(token: "stale"), timeout: 20))
        do {
            _ = try await backend.listMessages(MessageQuery(), ifNoneMatch: nil)
            XCTFail("a stale token was accepted")
        } catch {
            XCTAssertEqual((error as? VoicemailError)?.kind, .authentication)
            XCTAssertTrue(error.localizedDescription.contains("not_found_or_expired"), error.localizedDescription)
        }
        await backend.close()
        XCTAssertEqual(recorder.all.count, 1)
    }

    /// The global voicemails are the shared mailboxes, paged by limit/offset across pages.
    func testWazoGlobalVoicemailsAreSharedMailboxesPagedAcrossPages() async throws {
        let recorder = Recorder()
        let simulator = try await start(.wazo, recorder: recorder)
        let own101 = try await wazo(simulator, user: "101").allMessages(mailbox: nil, folder: nil).messages
        let desk = wazo(simulator, user: "200", pageSize: 2)
        let boxes = try await desk.mailboxes(ifNoneMatch: nil).value ?? []
        XCTAssertEqual(boxes.first?.own, true)
        XCTAssertEqual(boxes.first?.mailbox, "200")
        XCTAssertTrue(boxes.contains { $0.mailbox == "101" && !$0.own && $0.total == own101.count })
        let shared = try await desk.allMessages(mailbox: "101", folder: nil, pageSize: 3).messages
        XCTAssertEqual(Set(shared.map(\.id)), Set(own101.map(\.id)))
        XCTAssertTrue(shared.allSatisfy { $0.mailbox == "101" })
        XCTAssertGreaterThan(recorder.count("GET", "offset=2"), 0, "\(recorder.all.map(\.target))")
    }

    /// Forward does not exist on Wazo: refused before anything is sent (exit 7 in the CLI).
    func testWazoRefusesForwardWithoutSending() async throws {
        let recorder = Recorder()
        let backend = wazo(try await start(.wazo, recorder: recorder))
        let capabilities = try await backend.capabilities()
        XCTAssertFalse(capabilities.has(.forward))
        let sent = recorder.all.count
        await expectError(.unsupported(.forward)) { _ = try await backend.forward(id: "x", to: ["102"], mailbox: nil) }
        XCTAssertEqual(recorder.all.count, sent)
    }

    func testWazoMoveToWorkAndBackAndUnknownMessage() async throws {
        let backend = wazo(try await start(.wazo))
        let inbox = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil).value
        let first = try XCTUnwrap(inbox?.records.first)
        let moved = try await backend.move(ids: [first.id], to: .work, mailbox: nil)
        XCTAssertEqual(moved.map(\.folder), [.work])
        let work = try await backend.listMessages(MessageQuery(folder: .work), ifNoneMatch: nil).value?.records ?? []
        XCTAssertTrue(work.contains { $0.id == first.id && $0.read })
        await expectError(.notFound(what: "message 1-1", reason: "No such voicemail message (no-such-voicemail-message)")) {
            _ = try await backend.markRead(ids: ["1-1"], mailbox: nil)
        }
    }

    /// An unchanged folder answers `.notModified` to the ETag of the last answer (a poll that
    /// changes nothing redraws nothing); a change answers anew.
    func testWazoPollingAnswersNotModifiedUntilAChange() async throws {
        let backend = wazo(try await start(.wazo))
        guard case .modified(let page, let tag) = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil)
        else { return XCTFail("first read") }
        guard case .notModified = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: tag) else {
            return XCTFail("an unchanged folder came back changed")
        }
        _ = try await backend.markRead(ids: [page.records[0].id], mailbox: nil)
        let changed = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: tag)
        XCTAssertNotNil(changed.value)
    }

    /// Upload (POST when absent, PUT when present), play, copy to another greeting, reset.
    func testWazoGreetingsUploadPlayCopyReset() async throws {
        let recorder = Recorder()
        let backend = wazo(try await start(.wazo, recorder: recorder))
        let fixtures = try SoxFixtures(prefix: "vmtui-wazo-greeting")
        defer { fixtures.cleanUp() }
        let tone = try fixtures.tone("busy.wav", seconds: 1.5)
        let capabilities = try await backend.capabilities()
        XCTAssertEqual(capabilities.greetingTypes, [.unavailable, .busy, .name], "wazo-calld has no temporary greeting")
        XCTAssertTrue(capabilities.has(.greetingCopy))
        for type in capabilities.greetingTypes { _ = try await backend.resetGreeting(type, mailbox: nil) }
        let none = try await backend.greetings(mailbox: nil)
        XCTAssertEqual(none.map(\.present), [false, false, false])
        _ = try await backend.uploadGreeting(.busy, mailbox: nil, from: tone, progress: nil)
        _ = try await backend.uploadGreeting(.busy, mailbox: nil, from: tone, progress: nil)
        XCTAssertEqual(recorder.count("POST", "/greetings/busy"), 1)
        XCTAssertEqual(recorder.count("PUT", "/greetings/busy"), 1)
        let played = directory.appending("busy-back.wav")
        _ = try await backend.downloadGreeting(.busy, mailbox: nil, to: played, atomically: true, progress: nil)
        XCTAssertEqual(try Data(contentsOf: played), try Data(contentsOf: tone))
        let copied = try await backend.copyGreeting(.busy, to: .unavailable, mailbox: nil)
        XCTAssertEqual(copied.type, .unavailable)
        XCTAssertEqual(recorder.count("POST", "/greetings/busy/copy"), 1)
        let two = try await backend.greetings(mailbox: nil)
        XCTAssertEqual(two.map(\.present), [true, true, false])
        let copy = directory.appending("unavailable-copy.wav")
        _ = try await backend.downloadGreeting(.unavailable, mailbox: nil, to: copy, atomically: true, progress: nil)
        XCTAssertEqual(try Data(contentsOf: copy), try Data(contentsOf: tone))
        // The temporary greeting does not exist on Wazo: refused before anything is sent.
        let sent = recorder.all.count
        await expectError(.noSuchGreetingType(.temporary, has: [.unavailable, .busy, .name])) {
            _ = try await backend.uploadGreeting(.temporary, mailbox: nil, from: tone, progress: nil)
        }
        await expectError(.noSuchGreetingType(.temporary, has: [.unavailable, .busy, .name])) {
            _ = try await backend.copyGreeting(.busy, to: .temporary, mailbox: nil)
        }
        XCTAssertEqual(recorder.all.count, sent)
        // Copying the default (absent) greeting is Wazo's 404.
        await expectError(.notFound(what: "greeting name", reason: "No such voicemail greeting (no-such-voicemail-greeting)")) {
            _ = try await backend.copyGreeting(.name, to: .busy, mailbox: nil)
        }
        _ = try await backend.resetGreeting(.busy, mailbox: nil)
        await expectError(.notFound(what: "greeting busy", reason: "No such voicemail greeting (no-such-voicemail-greeting)")) {
            _ = try await backend.downloadGreeting(.busy, mailbox: nil, to: played, atomically: true, progress: nil)
        }
        let mp3 = fixtures.url("name.mp3")
        try Data([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x44]).write(to: mp3)
        await expectError(.unsupportedMediaType(reason: "Wazo takes greetings as WAV only")) {
            _ = try await backend.uploadGreeting(.name, mailbox: nil, from: mp3, progress: nil)
        }
    }

    /// New reads INBOX and Urgent side by side; what is learned once per session (Wazo's own
    /// voicemail, Kazoo's boxes) is asked once, not once per folder.
    func testNewAsksWhatIsLearnedOncePerSessionOnlyOnce() async throws {
        let wazoRecorder = Recorder()
        let wazoBackend = wazo(try await start(.wazo, recorder: wazoRecorder))
        _ = try await FolderListing(wazoBackend).messages(MessageQuery(folder: .inbox))
        XCTAssertEqual(wazoRecorder.all.filter { $0.target == "/api/calld/1.0/users/me/voicemails" }.count, 1)
        await stopAll()
        let kazooRecorder = Recorder()
        let kazooBackend = kazoo(try await start(.kazoo, seed: false, recorder: kazooRecorder))
        _ = try await FolderListing(kazooBackend).messages(MessageQuery(folder: .inbox))
        XCTAssertEqual(kazooRecorder.all.filter { $0.target.hasSuffix("/vmboxes?page_size=500") }.count, 1)
    }

    // MARK: Kazoo

    func testKazooReloginOnceOnExpiredToken() async throws {
        let recorder = Recorder()
        let backend = kazoo(try await start(.kazoo, tokenTTL: 1, recorder: recorder))
        let before = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil)
        XCTAssertNotNil(before.value)
        try await Task.sleep(for: .milliseconds(1500))
        let after = try await backend.listMessages(MessageQuery(folder: .old), ifNoneMatch: nil)
        XCTAssertNotNil(after.value)
        XCTAssertEqual(recorder.count("PUT", "/v2/user_auth"), 2)
        XCTAssertTrue(recorder.all.contains { $0.status == 401 })
    }

    func testKazooWrongAccountOrPasswordIsBadCredentials() async throws {
        let simulator = try await start(.kazoo)
        let wrongAccount = KazooBackend(configuration: configuration(simulator, user: "101", account: "other"))
        await expectError(.unauthorized(reason: "invalid credentials")) {
            _ = try await wrongAccount.listMessages(MessageQuery(), ifNoneMatch: nil)
        }
        let noAccount = KazooBackend(configuration: configuration(simulator, user: "101", account: nil))
        do {
            _ = try await noAccount.listMessages(MessageQuery(), ifNoneMatch: nil)
            XCTFail("logged in without an account name")
        } catch {
            XCTAssertEqual((error as? VoicemailError)?.kind, .usage)
        }
    }

    /// Every message of a box through next_start_key, page after page.
    func testKazooPagesThroughStartKeys() async throws {
        let recorder = Recorder()
        let simulator = try await start(.kazoo, recorder: recorder)
        let whole = try await kazoo(simulator).allMessages(mailbox: nil, folder: nil).messages
        let paged = try await kazoo(simulator, pageSize: 2).allMessages(mailbox: nil, folder: nil).messages
        XCTAssertGreaterThan(whole.count, 4)
        XCTAssertEqual(paged.map(\.id), whole.map(\.id))
        XCTAssertGreaterThanOrEqual(recorder.count("GET", "start_key="), whole.count / 2 - 1)
    }

    /// Several messages marked read in one bulk POST; one message in a POST of its own.
    func testKazooBulkMarkRead() async throws {
        let recorder = Recorder()
        let backend = kazoo(try await start(.kazoo, recorder: recorder))
        let unread = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil).value?.records ?? []
        XCTAssertGreaterThanOrEqual(unread.count, 2)
        let ids = Array(unread.prefix(2).map(\.id))
        let marked = try await backend.markRead(ids: ids, mailbox: nil)
        XCTAssertEqual(Set(marked.map(\.id)), Set(ids))
        XCTAssertTrue(marked.allSatisfy { $0.read && $0.folder == .old })
        let posts = recorder.all.filter { $0.method == "POST" }
        XCTAssertEqual(posts.count, 1)
        XCTAssertTrue(posts.first?.target.hasSuffix("/messages") ?? false, "\(posts)")
        _ = try await backend.markUnread(ids: [ids[0]], mailbox: nil)
        XCTAssertEqual(recorder.all.filter { $0.method == "POST" }.last?.target.hasSuffix("/messages/\(ids[0])"), true)
    }

    /// Kazoo has no Work/Family/Friends: move is refused and nothing is sent.
    func testKazooRefusedMoveSendsNothing() async throws {
        let recorder = Recorder()
        let backend = kazoo(try await start(.kazoo, recorder: recorder))
        let inbox = try await backend.listMessages(MessageQuery(folder: .inbox), ifNoneMatch: nil).value
        let first = try XCTUnwrap(inbox?.records.first)
        let capabilities = try await backend.capabilities()
        XCTAssertFalse(capabilities.has(.move))
        let sent = recorder.all.count
        await expectError(.unsupported(.move)) { _ = try await backend.move(ids: [first.id], to: .work, mailbox: nil) }
        XCTAssertEqual(recorder.all.count, sent)
    }

    /// The unavailable greeting through the box's `media.unavailable` and the media API.
    func testKazooUnavailableGreetingUploadPlayReset() async throws {
        let recorder = Recorder()
        let backend = kazoo(try await start(.kazoo, recorder: recorder))
        let capabilities = try await backend.capabilities()
        XCTAssertEqual(capabilities.greetingTypes, [.unavailable])
        let fixtures = try SoxFixtures(prefix: "vmtui-kazoo-greeting")
        defer { fixtures.cleanUp() }
        let tone = try fixtures.tone("unavailable.wav", seconds: 1.2)
        _ = try await backend.resetGreeting(.unavailable, mailbox: nil)
        let none = try await backend.greetings(mailbox: nil)
        XCTAssertEqual(none, [GreetingInfo(type: .unavailable, present: false)])
        _ = try await backend.uploadGreeting(.unavailable, mailbox: nil, from: tone, progress: nil)
        XCTAssertEqual(recorder.count("PUT", "/media"), 1)
        XCTAssertEqual(recorder.count("POST", "/raw"), 1)
        let present = try await backend.greetings(mailbox: nil)
        XCTAssertEqual(present.map(\.present), [true])
        let played = directory.appending("unavailable-back.wav")
        _ = try await backend.downloadGreeting(.unavailable, mailbox: nil, to: played, atomically: true, progress: nil)
        XCTAssertEqual(try Data(contentsOf: played), try Data(contentsOf: tone))
        _ = try await backend.resetGreeting(.unavailable, mailbox: nil)
        await expectError(.notFound(what: "greeting unavailable", reason: "the PBX default is in use")) {
            _ = try await backend.downloadGreeting(.unavailable, mailbox: nil, to: played, atomically: true, progress: nil)
        }
        await expectError(.noSuchGreetingType(.busy, has: [.unavailable])) {
            _ = try await backend.uploadGreeting(.busy, mailbox: nil, from: tone, progress: nil)
        }
        XCTAssertFalse(capabilities.has(.greetingCopy), "one greeting: nothing to copy onto")
        await expectError(.unsupported(.greetingCopy)) {
            _ = try await backend.copyGreeting(.unavailable, to: .busy, mailbox: nil)
        }
    }

    /// The support desk (200) sees the customers' boxes; forward copies into another box.
    func testKazooSharedBoxesAndForward() async throws {
        let simulator = try await start(.kazoo)
        let desk = kazoo(simulator, user: "200")
        let boxes = try await desk.mailboxes(ifNoneMatch: nil).value ?? []
        XCTAssertEqual(boxes.map(\.mailbox), ["200", "101", "102"])
        let alice = try await desk.allMessages(mailbox: "101", folder: nil).messages
        XCTAssertFalse(alice.isEmpty)
        let before = try await desk.allMessages(mailbox: "102", folder: nil).total
        let copies = try await desk.forward(id: alice[0].id, to: ["102"], mailbox: "101")
        XCTAssertEqual(copies.map(\.mailbox), ["102"])
        let afterCopy = try await desk.allMessages(mailbox: "102", folder: nil)
        XCTAssertEqual(afterCopy.total, before + 1)
        await expectError(.noExtension("999")) { _ = try await desk.forward(id: alice[0].id, to: ["999"], mailbox: "101") }
        await expectError(.notFound(what: "mailbox 103", reason: "no such voicemail box in this account")) {
            _ = try await desk.listMessages(MessageQuery(mailbox: "103"), ifNoneMatch: nil)
        }
    }

    /// Anything Kazoo lacks answers 404 on the face (here: the vmtui API's list).
    func testFacesAnswer404ForCallsTheirVendorLacks() async throws {
        for flavor in [SimulatorFlavor.kazoo, .wazo] {
            let simulator = try await start(flavor)
            let client = VoicemailClient(
                configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: .bearer(token: "demo-101"), timeout: 20, api: .vmtui))
            do {
                _ = try await client.listMessages(MessageQuery())
                XCTFail("\(flavor) answered the vmtui API")
            } catch {
                XCTAssertEqual(error as? VoicemailError, .noVoicemailAPI(url: simulator.baseURL.absoluteString), "\(flavor)")
            }
            await stopAll()
        }
    }
}
