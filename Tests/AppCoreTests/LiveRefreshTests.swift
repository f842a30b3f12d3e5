import AppCore
import Foundation
import VoicemailModel
import XCTest

/// Auto refresh with ETags, merging without losing the reader's place, and new-message notices.
final class LiveRefreshTests: XCTestCase {
    private func arrival(_ id: String, name: String? = "Bob Nguyen", number: String = "102", read: Bool = false,
                         minutesAgo: Double = 1) -> VoicemailMessage {
        VoicemailMessage(
            id: id, mailbox: "101", folder: .inbox, read: read, callerName: name, callerNumber: number,
            date: Fixtures.now.addingTimeInterval(-60 * minutesAgo), duration: 5)
    }

    /// Sends a tick past the refresh interval; answers the folder load with `messages` (nil:
    /// 304) and the Mailboxes call with the fixture; returns every effect produced.
    @discardableResult
    private func refresh(_ state: inout AppState, with messages: [VoicemailMessage]?, etag: String = "e2",
                         inbox: [VoicemailMessage]? = nil) -> [Effect] {
        let tick = state.lastRefresh.addingTimeInterval(Double(state.config.autoRefreshSeconds ?? 30))
        let effects = state.send(.tick(tick))
        var produced: [Effect] = []
        for effect in effects {
            switch effect {
            case .list(.loadFolder(let id, _, let folder, let sentETag)) where folder == state.folder:
                XCTAssertNotNil(sentETag, "a refresh is conditional")
                let load: FolderLoad = messages.map { .loaded(messages: $0, etag: etag) } ?? .notModified
                produced += state.send(.list(.folderLoaded(id, .success(load))))
            case .list(.loadFolder(let id, _, .inbox, _)):
                let load: FolderLoad = inbox.map { .loaded(messages: $0, etag: "w") } ?? .notModified
                produced += state.send(.list(.folderLoaded(id, .success(load))))
            case .list(.loadMailboxes(let id)):
                produced += state.send(.list(.mailboxesLoaded(id, .success([Fixtures.summary, Fixtures.sharedSummary]))))
            default:
                XCTFail("unexpected effect \(effect)")
            }
        }
        XCTAssertTrue(effects.contains(where: \.isLoadFolder), "the tick refreshed: \(effects)")
        XCTAssertTrue(effects.contains(where: \.isLoadMailboxes), "badges refresh too: \(effects)")
        return produced
    }

    private func announcements(_ effects: [Effect]) -> [NewMessageNotice] {
        effects.compactMap { if case .list(.announceNewMessage(let notice)) = $0 { notice } else { nil } }
    }

    func testDefaultRefreshIntervalIsThirtySeconds() {
        XCTAssertEqual(AppConfig(server: "x").autoRefreshSeconds, 30)
        var state = Fixtures.loaded()
        XCTAssertEqual(state.send(.tick(state.lastRefresh.addingTimeInterval(59))), [])
        var off = Fixtures.config()
        off.autoRefreshSeconds = nil
        var quiet = Fixtures.loaded(config: off)
        XCTAssertEqual(quiet.send(.tick(Fixtures.now.addingTimeInterval(3600))), [])
    }

    func testNotModifiedChangesNothing() {
        var state = Fixtures.loaded()
        state.press(.character("j"))
        let before = state
        XCTAssertEqual(refresh(&state, with: nil), [])
        XCTAssertEqual(state.visibleIDs, before.visibleIDs)
        XCTAssertEqual(state.selection, 1)
        XCTAssertEqual(state.etag, "e1")
    }

    func testMergeKeepsSelectionAndScrollAndDropsVanished() {
        let many = Fixtures.many(60)
        var state = Fixtures.loaded(messages: many)
        for _ in 0..<30 { state.press(.character("j")) }
        let selected = state.selectedMessage?.id
        let top = state.visibleMessage(at: state.scroll).id
        XCTAssertGreaterThan(state.scroll, 0)
        // Two arrive above, one below the view vanishes, the tagged one vanishes.
        state.tagged = [many[40].id, many[45].id]
        var next = [arrival("new1"), arrival("new2", minutesAgo: 2)] + many
        next.removeAll { $0.id == many[45].id || $0.id == many[50].id }
        refresh(&state, with: next)
        XCTAssertEqual(state.selectedMessage?.id, selected)
        XCTAssertEqual(state.visibleMessage(at: state.scroll).id, top, "the view does not jump")
        XCTAssertEqual(state.tagged, [many[40].id])
        XCTAssertEqual(state.visibleCount, 60)
        XCTAssertEqual(state.etag, "e2")
    }

    func testSelectedMessageDeletedElsewhereMovesToItsNeighbour() {
        var state = Fixtures.loaded()
        state.press(.character("j"))
        XCTAssertEqual(state.selectedMessage?.id, "m4")
        refresh(&state, with: Fixtures.inbox.filter { $0.id != "m4" })
        XCTAssertEqual(state.selectedMessage?.id, "m2", "the row that took its place")
        XCTAssertFalse(state.visibleIDs.contains("m4"))
    }

    func testNewMessageIsAnnouncedOnceWithCaller() {
        var state = Fixtures.loaded()
        let effects = refresh(&state, with: Fixtures.inbox + [arrival("new1")])
        XCTAssertEqual(
            announcements(effects),
            [NewMessageNotice(mailbox: "101", messageID: "new1", callerName: "Bob Nguyen", callerNumber: "102")])
        XCTAssertFalse(effects.contains(.bell), "no bell unless the config asks")
        XCTAssertEqual(state.status, .info("New message from Bob Nguyen <102>"))
        XCTAssertEqual(state.selectedMessage?.id, "m1", "the selection stays put")
        // The same list again, and the message read and unread again: no second notice.
        XCTAssertEqual(announcements(refresh(&state, with: Fixtures.inbox + [arrival("new1")], etag: "e3")), [])
        XCTAssertEqual(announcements(refresh(&state, with: Fixtures.inbox, etag: "e4")), [])
        XCTAssertEqual(announcements(refresh(&state, with: Fixtures.inbox + [arrival("new1")], etag: "e5")), [])
    }

    func testSeveralArrivalsOneLineBellAndOneHookEach() {
        var config = Fixtures.config()
        config.bell = true
        var state = Fixtures.loaded(config: config)
        let effects = refresh(&state, with: Fixtures.inbox + [
            arrival("a", name: nil, number: "+4930111", minutesAgo: 3), arrival("b", name: "Eve", number: "107"),
            arrival("read", read: true),
        ])
        XCTAssertEqual(effects.filter { $0 == .bell }.count, 1)
        XCTAssertEqual(announcements(effects).map(\.messageID), ["a", "b"])
        XCTAssertEqual(state.status, .info("2 new messages, the latest from Eve <107>"))
    }

    func testFirstLoadAndMailboxSwitchAreNotNews() {
        var (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        var produced: [Effect] = []
        for case .list(.loadFolder(let id, _, _, _)) in effects {
            produced += state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox, etag: "e1")))))
        }
        XCTAssertEqual(announcements(produced), [])
        state.press(.character("o"))
        state.type("102")
        for case .picker(.openMailbox(let id, _, _)) in state.press(.enter) {
            produced = state.send(.picker(.mailboxOpened(id, .success(.loaded(messages: [arrival("x")], etag: nil)))))
        }
        XCTAssertEqual(state.mailbox, "102")
        XCTAssertEqual(announcements(produced), [])
    }

    func testHostileCallerNameIsSafeOnScreenAndIntactForTheHook() {
        var state = Fixtures.loaded()
        let evil = "$(touch /tmp/pwned); `id` \"; rm -rf ~\u{1B}]0;x\u{07}"
        let effects = refresh(&state, with: Fixtures.inbox + [arrival("evil", name: evil)])
        XCTAssertEqual(announcements(effects).first?.callerName, evil, "the hook gets the exact text, as data")
        XCTAssertFalse(state.status.text.contains("\u{1B}"))
    }

    func testArrivalsInNewAreNoticedFromAnotherFolder() {
        var state = Fixtures.loaded()
        state.press(.character("2"))
        state.send(.list(.folderLoaded(state.folderRequest!, .success(.loaded(messages: [], etag: "w0")))))
        let effects = refresh(&state, with: nil, inbox: Fixtures.inbox + [arrival("new1")])
        XCTAssertEqual(announcements(effects).map(\.messageID), ["new1"])
        XCTAssertEqual(state.folder, .work)
        // Seen from Work, the message is not news again on opening New.
        let open = state.press(.character("0"))
        var later: [Effect] = []
        for case .list(.loadFolder(let id, _, .inbox, _)) in open {
            later = state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox + [arrival("new1")], etag: "e9")))))
        }
        XCTAssertEqual(announcements(later), [])
    }

    func testHookFailureIsOneLine() {
        var state = Fixtures.loaded()
        state.send(.list(.notificationFailed("on_new_message failed with exit status 2: boom\nsecond")))
        XCTAssertEqual(state.status, .error("New-message hook: on_new_message failed with exit status 2: boom second"))
    }

    func testTitleShowsUnreadCount() {
        let state = Fixtures.loaded()
        XCTAssertEqual(App.terminalTitle(state), "vmtui — 6 unread")
        let (fresh, _) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        XCTAssertEqual(App.terminalTitle(fresh), "vmtui")
    }

    func testRefreshDoesNotWaitForLongTransfers() {
        var state = Fixtures.loaded()
        state.pending[state.makeRequestID()] = .playback(.save(messageID: "m1", TransferInfo(label: "Saving m1")))  // a long transfer under way
        let tick = state.lastRefresh.addingTimeInterval(61)
        XCTAssertTrue(state.send(.tick(tick)).contains(where: \.isLoadFolder))
    }
}
