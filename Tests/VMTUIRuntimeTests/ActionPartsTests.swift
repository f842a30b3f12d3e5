import AppCore
import Foundation
import Logging
import Synchronization
import VMTUIRuntime
import VoicemailBackend
import VoicemailModel
import XCTest

/// Issue 20.1: a change of many messages on the screen (`A`, or `T` then `d`) goes to the
/// backend in parts of `ClientEffectRunner.actionPart`, each still one bulk call, and the
/// status line is told how far it has got between them; one part is one call, as before.
final class ActionPartsTests: XCTestCase {
    private func runner(_ backend: PartRecordingBackend) -> (ClientEffectRunner, PostedEvents) {
        let runner = ClientEffectRunner(client: backend, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        let posted = PostedEvents()
        runner.attach { event in posted.list.withLock { $0.append(event) } }
        return (runner, posted)
    }

    private func ids(_ count: Int) -> [String] { (1...count).map { "m\($0)" } }

    func testManyMarkedReadGoInPartsWithProgressBetween() async {
        let backend = PartRecordingBackend()
        let (runner, posted) = runner(backend)
        let answer = await runner.run(.actions(.update(RequestID(7), mailbox: nil, ids: ids(250), .markRead)))
        guard case .actions(.messagesUpdated(RequestID(7), .success(let messages)))? = answer else {
            return XCTFail("\(String(describing: answer))")
        }
        XCTAssertEqual(messages.map(\.id), ids(250), "every part's answer, in order")
        XCTAssertEqual(backend.calls, [100, 100, 50])
        XCTAssertEqual(posted.list.withLock { $0 }, [
            .actions(.progress(RequestID(7), done: 100, total: 250)),
            .actions(.progress(RequestID(7), done: 200, total: 250)),
        ])
    }

    func testAFewDeletedAreOneCallWithoutProgress() async {
        let backend = PartRecordingBackend()
        let (runner, posted) = runner(backend)
        let answer = await runner.run(.actions(.delete(RequestID(3), mailbox: nil, ids: ids(100))))
        XCTAssertEqual(answer, .actions(.messagesDeleted(RequestID(3), .success(ids(100)))))
        XCTAssertEqual(backend.calls, [100])
        XCTAssertEqual(posted.list.withLock { $0 }, [])
    }

    func testAPartThatFailsEndsTheChangeWithItsError() async {
        let backend = PartRecordingBackend(failingCall: 2)
        let (runner, _) = runner(backend)
        let answer = await runner.run(.actions(.delete(RequestID(4), mailbox: nil, ids: ids(300))))
        guard case .actions(.messagesDeleted(RequestID(4), .failure))? = answer else { return XCTFail("\(String(describing: answer))") }
        XCTAssertEqual(backend.calls, [100, 100], "nothing is sent after the part that failed")
    }
}

private final class PostedEvents: Sendable {
    let list = Mutex<[AppEvent]>([])
}

/// Records how many ids each change call carried; answers them all as done.
private final class PartRecordingBackend: VoicemailBackend {
    private let recorded = Mutex<[Int]>([])
    private let failingCall: Int?

    init(failingCall: Int? = nil) { self.failingCall = failingCall }

    var calls: [Int] { recorded.withLock { $0 } }

    private func record(_ ids: [String]) throws {
        let call = recorded.withLock { calls in
            calls.append(ids.count)
            return calls.count
        }
        if call == failingCall { throw VoicemailError.serverError(status: 500, reason: "busy") }
    }

    private func changed(_ ids: [String]) -> [VoicemailMessage] {
        ids.map { VoicemailMessage(id: $0, mailbox: "101", folder: .old, read: true, callerNumber: "200", date: Date(), duration: 5) }
    }

    func markRead(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] {
        try record(ids)
        return changed(ids)
    }
    func delete(ids: [String], mailbox: String?) async throws -> [String] {
        try record(ids)
        return ids
    }

    // Nothing else is asked of it.
    func listMessages(_ query: MessageQuery, ifNoneMatch etag: String?) async throws -> Conditional<Page<VoicemailMessage>> {
        throw unused
    }
    func capabilities() async throws -> BackendCapabilities { BackendCapabilities(supported: []) }
    func whoAmI() async throws -> AccountInfo? { nil }
    func mailboxes(ifNoneMatch etag: String?) async throws -> Conditional<[MailboxSummary]> { throw unused }
    func message(id: String, mailbox: String?) async throws -> VoicemailMessage { throw unused }
    func markUnread(ids: [String], mailbox: String?) async throws -> [VoicemailMessage] { throw unused }
    func move(ids: [String], to folder: Folder, mailbox: String?) async throws -> [VoicemailMessage] { throw unused }
    func forward(id: String, to extensions: [String], mailbox: String?) async throws -> [ForwardedCopy] { throw unused }
    func downloadAudio(of message: VoicemailMessage, to file: URL, atomically: Bool, progress: ProgressHandler?) async throws
        -> DownloadResult
    { throw unused }
    func greetings(mailbox: String?) async throws -> [GreetingInfo] { throw unused }
    func downloadGreeting(_ type: GreetingType, mailbox: String?, to file: URL, atomically: Bool, progress: ProgressHandler?)
        async throws -> DownloadResult
    { throw unused }
    func uploadGreeting(_ type: GreetingType, mailbox: String?, from file: URL, progress: ProgressHandler?) async throws
        -> GreetingInfo
    { throw unused }
    func resetGreeting(_ type: GreetingType, mailbox: String?) async throws -> GreetingInfo { throw unused }
    func copyGreeting(_ source: GreetingType, to destination: GreetingType, mailbox: String?) async throws -> GreetingInfo {
        throw unused
    }
    func setPIN(_ pin: String?, forMailbox mailbox: String) {}
    func pin(forMailbox mailbox: String) -> String? { nil }

    private var unused: VoicemailError { .unsupported(.move) }
}
