import Foundation
import PBXSimulator
import Synchronization
import TestSupport
import VoicemailBackend
@testable import VoicemailClient
import VoicemailModel
import XCTest


/// What every PBX has (list, mark read, delete, audio, login, who am I) against both
/// simulator flavors, with `api = auto`: the client must find out which it talks to and
/// work the same; against the Wildix flavor nothing it lacks is ever sent.
final class FlavorIntegrationTests: XCTestCase {
    private final class Recorder: Sendable {
        let records = Mutex<[RequestRecord]>([])
        func add(_ record: RequestRecord) { records.withLock { $0.append(record) } }
        var all: [RequestRecord] { records.withLock { $0 } }
    }

    /// Runs `body` once per flavor, each against a fresh seeded simulator.
    private func eachFlavor(
        _ body: (SimulatorFlavor, RunningSimulator, Recorder) async throws -> Void
    ) async throws {
        // The Wazo and Kazoo faces speak other APIs (WazoKazooIntegrationTests).
        for flavor in [SimulatorFlavor.full, .wildix] {
            let directory = try TemporaryDirectory(prefix: "vmtui-flavor-\(flavor.rawValue)")
            defer { directory.remove() }
            let recorder = Recorder()
            var options = SimulatorOptions(dataDirectory: directory.url, seed: .demo)
            options.flavor = flavor
            options.onRequest = { recorder.add($0) }
            let simulator = try await Simulator.start(options)
            do {
                try await body(flavor, simulator, recorder)
            } catch {
                await simulator.stop()
                throw error
            }
            await simulator.stop()
        }
    }

    private func client(_ simulator: RunningSimulator, _ credentials: Credentials = .bearer(token: "demo-101")) -> VoicemailClient {
        VoicemailClient(configuration: ClientConfiguration(serverURL: simulator.baseURL, credentials: credentials, timeout: 20))
    }

    func testAutoDetectsEachFlavorByReadingOnly() async throws {
        try await eachFlavor { flavor, simulator, recorder in
            let capabilities = try await client(simulator).capabilities()
            switch flavor {
            case .full: XCTAssertEqual(capabilities.supported, Set(BackendCapability.allCases))
            case .wildix: XCTAssertEqual(capabilities.supported, [])
            case .wazo, .kazoo: XCTFail("not a Wildix-style face")
            }
            XCTAssertTrue(recorder.all.allSatisfy { $0.method == "GET" }, "\(flavor): \(recorder.all.map(\.target))")
        }
    }

    func testListPagesAndFolderFilterOnEitherFlavor() async throws {
        try await eachFlavor { flavor, simulator, _ in
            let c = client(simulator)
            let everything = try await c.allMessages(mailbox: nil, folder: nil, pageSize: 3)
            XCTAssertEqual(everything.messages.count, everything.total, "\(flavor)")
            XCTAssertGreaterThan(everything.total, 3, "\(flavor)")
            XCTAssertEqual(Set(everything.messages.map(\.id)).count, everything.total, "\(flavor): a page repeated")
            let inbox = try await c.listMessages(MessageQuery(folder: .inbox))
            XCTAssertTrue(inbox.records.allSatisfy { $0.folder == .inbox }, "\(flavor)")
        }
    }

    func testMarkReadShowAndDeleteOnEitherFlavor() async throws {
        try await eachFlavor { flavor, simulator, _ in
            let c = client(simulator)
            let inbox = try await c.listMessages(MessageQuery(folder: .inbox)).records
            let unread = try XCTUnwrap(inbox.first { !$0.read })
            let marked = try await c.markRead(ids: [unread.id])
            XCTAssertEqual(marked.map(\.read), [true], "\(flavor)")
            XCTAssertEqual(marked.map(\.folder), [.old], "\(flavor)")
            let shown = try await c.message(id: unread.id)
            XCTAssertEqual(shown.folder, .old, "\(flavor)")
            let deleted = try await c.delete(ids: [unread.id])
            XCTAssertEqual(deleted, [unread.id], "\(flavor)")
            do {
                _ = try await c.message(id: unread.id)
                XCTFail("\(flavor): a deleted message was found")
            } catch let error as VoicemailError {
                XCTAssertEqual(error.kind, .notFound, "\(flavor): \(error)")
            }
        }
    }

    func testAudioArrivesCheckedOnEitherFlavor() async throws {
        try await eachFlavor { flavor, simulator, recorder in
            let c = client(simulator)
            let directory = try TemporaryDirectory(prefix: "vmtui-flavor-audio")
            defer { directory.remove() }
            for message in try await c.listMessages(MessageQuery(folder: nil, count: 4)).records {
                let target = directory.appending("\(message.id).\(message.format.fileExtension)")
                let result = try await c.downloadAudio(of: message, to: target, atomically: true, progress: nil)
                XCTAssertEqual(result.bytes, Int64(message.size), "\(flavor) \(message.id)")
            }
            let audioPaths = recorder.all.filter { $0.target.contains("/spoolview/") || $0.target.hasSuffix("/file") }
            XCTAssertFalse(audioPaths.isEmpty, "\(flavor)")
            if flavor == .wildix { XCTAssertFalse(recorder.all.contains { $0.target.hasSuffix("/file") }) }
        }
    }

    func testSessionLoginAndWhoAmIOnEitherFlavor() async throws {
        try await eachFlavor { flavor, simulator, _ in
            let c = client(simulator, .session(extension: "101", password: "pass101"))
            let account = try await c.whoAmI()
            XCTAssertEqual(account?.extension, "101", "\(flavor)")
            let page = try await c.listMessages(MessageQuery(folder: nil, count: 1))
            XCTAssertGreaterThan(page.total, 0, "\(flavor)")
            let bearer = try await client(simulator).whoAmI()
            XCTAssertEqual(bearer?.extension, "101", "\(flavor)")
        }
    }

    func testWildixFlavorIsOfferedNothingMoreAndSentNothingMore() async throws {
        try await eachFlavor { flavor, simulator, recorder in
            guard flavor == .wildix else { return }
            let c = client(simulator)
            let olds = try await c.listMessages(MessageQuery(folder: .old)).records
            let old = try XCTUnwrap(olds.first)
            let attempts: [(BackendCapability, () async throws -> Void)] = [
                (.markUnread, { _ = try await c.markUnread(ids: [old.id]) }),
                (.move, { _ = try await c.move(ids: [old.id], to: .work) }),
                (.forward, { _ = try await c.forward(id: old.id, to: ["102"]) }),
                (.greetings, { _ = try await c.greetings() }),
                (.mailboxList, { _ = try await c.mailboxes() }),
            ]
            for (capability, attempt) in attempts {
                do {
                    try await attempt()
                    XCTFail("\(capability) was attempted")
                } catch {
                    XCTAssertEqual(error as? VoicemailError, .unsupported(capability))
                }
            }
            let changes = recorder.all.filter { $0.method != "GET" }
            XCTAssertEqual(changes.map(\.target), [])
            XCTAssertFalse(recorder.all.contains { $0.target.contains("Greetings") || $0.target.contains("forward") })
            let after = try await c.message(id: old.id)
            XCTAssertEqual(after.folder, .old)
        }
    }

    func testWildixFlavorTakenForTheFullContractStillNeverPassesForUnreadOrMove() async throws {
        try await eachFlavor { flavor, simulator, _ in
            guard flavor == .wildix else { return }
            let c = VoicemailClient(
                configuration: ClientConfiguration(
                    serverURL: simulator.baseURL, credentials: .bearer(token: "demo-101"), timeout: 20, api: .vmtui))
            let inbox = try await c.listMessages(MessageQuery(folder: .inbox)).records
            let target = try XCTUnwrap(inbox.first)
            do {
                _ = try await c.move(ids: [target.id], to: .work)
                XCTFail("a move the server ignored was reported done")
            } catch let error as VoicemailError {
                guard case .notApplied(let what, let detail) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(what.hasPrefix("move message \(target.id) to Work"), what)
                XCTAssertTrue(detail.hasPrefix("it is read, in Old"), detail)
            }
            let olds = try await c.listMessages(MessageQuery(folder: .old)).records
            let other = try XCTUnwrap(olds.first { $0.id != target.id })
            do {
                _ = try await c.markUnread(ids: [other.id])
                XCTFail("mark unread was attempted after the server was found to ignore changes")
            } catch {
                XCTAssertEqual(error as? VoicemailError, .unsupported(.markUnread))
            }
        }
    }
}
