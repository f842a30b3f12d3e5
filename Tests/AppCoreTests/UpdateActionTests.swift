import AppCore
import VoicemailModel
import XCTest

final class UpdateActionTests: XCTestCase {
    private func readCopy(_ m: VoicemailMessage, folder: Folder? = nil, read: Bool = true) -> VoicemailMessage {
        var copy = m
        copy.read = read
        copy.folder = folder ?? (m.folder == .inbox && read ? .old : m.folder)
        return copy
    }

    func testMarkReadInNewLeavesListAndBadgesFollow() {
        var state = Fixtures.loaded()
        let effects = state.press(.character("r"))
        guard case .actions(.update(let id, "101", ["m1"], .markRead))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(state.status, .busy("Marking 1 message read…"))
        let after = state.send(.actions(.messagesUpdated(id, .success([readCopy(Fixtures.inbox[0])]))))
        XCTAssertEqual(state.visibleIDs, ["m4", "m2", "m3", "m5"])
        XCTAssertEqual(state.selectedMessage?.id, "m4", "selection moves to the next row")
        XCTAssertEqual(state.count(of: .inbox), FolderCount(folder: .inbox, total: 4, unread: 4))
        XCTAssertEqual(state.count(of: .old), FolderCount(folder: .old, total: 13, unread: 0))
        XCTAssertEqual(state.status, .success("Marked 1 message read"))
        XCTAssertTrue(after.contains(where: \.isLoadMailboxes), "counts are confirmed by the server")
    }

    func testBulkActionsUseTagsElseSelection() {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character("j"), .character(" "))  // m1, m2 tagged
        guard case .actions(.update(_, _, let ids, .markRead))? = state.press(.character("r")).first else { return XCTFail() }
        XCTAssertEqual(Set(ids), ["m1", "m2"])
        XCTAssertEqual(state.status, .busy("Marking 2 messages read…"))
    }

    /// Issue 20.1: a change sent in parts says how far it has got, in the start's words; an
    /// answer ends it as before, and progress for a request no longer waited for is ignored.
    func testProgressOfAChangeInPartsIsCountedInTheStatusLine() {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character("j"), .character(" "))
        guard case .actions(.update(let id, _, _, .markRead))? = state.press(.character("r")).first else { return XCTFail() }
        state.send(.actions(.progress(id, done: 100, total: 250)))
        XCTAssertEqual(state.status, .busy("Marking read: 100 of 250 messages…"))
        state.send(.actions(.messagesUpdated(id, .success([readCopy(Fixtures.inbox[0]), readCopy(Fixtures.inbox[1])]))))
        XCTAssertEqual(state.status, .success("Marked 2 messages read"))
        state.send(.actions(.progress(id, done: 200, total: 250)))
        XCTAssertEqual(state.status, .success("Marked 2 messages read"), "a late progress report changes nothing")
    }

    func testMarkUnreadInWorkUpdatesInPlace() {
        let work = Fixtures.many(3, folder: .work)
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let load, _, _, _))? = state.type("2").first else { return XCTFail() }
        state.send(.list(.folderLoaded(load, .success(.loaded(messages: work, etag: nil)))))
        guard case .actions(.update(let id, _, ["n00000"], .markUnread))? = state.press(.character("u")).first else { return XCTFail() }
        state.send(.actions(.messagesUpdated(id, .success([readCopy(work[0], read: false)]))))
        XCTAssertEqual(state.visibleIDs, ["n00000", "n00001", "n00002"])
        XCTAssertFalse(state.selectedMessage!.read)
        XCTAssertEqual(state.count(of: .work).unread, 2)
        XCTAssertEqual(state.press(.character("u")), [])
        XCTAssertEqual(state.status, .info("Already unread"))
    }

    func testMarkReadFailureKeepsEverythingAndShowsError() {
        var state = Fixtures.loaded()
        guard case .actions(.update(let id, _, _, .markRead))? = state.press(.character("r")).first else { return XCTFail() }
        let effects = state.send(.actions(.messagesUpdated(id, .failure(AppError(.server, "HTTP 500")))))
        XCTAssertEqual(effects, [], "one message: nothing half done, nothing to refresh")
        XCTAssertEqual(state.visibleCount, 5)
        XCTAssertEqual(state.status, .error("Could not mark read: HTTP 500"))
    }

    func testBulkUpdateFailureRefreshesButKeepsErrorLine() {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character(" "))
        guard case .actions(.update(let id, _, _, .markRead))? = state.press(.character("r")).first else { return XCTFail() }
        let effects = state.send(.actions(.messagesUpdated(id, .failure(AppError(.network, "timed out")))))
        XCTAssertTrue(effects.contains(where: \.isLoadFolder), "some may have succeeded")
        XCTAssertEqual(state.status, .error("Could not mark read 2 messages: timed out"))
    }

    func testMoveWithPromptByDigitAndName() {
        var state = Fixtures.loaded()
        state.press(.character("m"))
        guard case .actions(.move(["m1"], _))? = state.prompt else { return XCTFail() }
        state.type("wrk")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .error("No folder \"wrk\": type 0–4 or a name"))
        XCTAssertNotNil(state.prompt, "the prompt stays for a correction")
        state.press(.control("u"))
        state.type("Work")
        guard case .actions(.update(let id, _, ["m1"], .move(.work)))? = state.press(.enter).first else { return XCTFail() }
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .busy("Moving 1 message to Work…"))
        state.send(.actions(.messagesUpdated(id, .success([readCopy(Fixtures.inbox[0], folder: .work, read: false)]))))
        XCTAssertFalse(state.visibleIDs.contains("m1"))
        XCTAssertEqual(state.count(of: .work), FolderCount(folder: .work, total: 4, unread: 2))
        XCTAssertEqual(state.count(of: .inbox).unread, 4)
        XCTAssertEqual(state.status, .success("Moved 1 message to Work"))

        state.press(.character("m"))
        state.type("3")
        guard case .actions(.update(_, _, ["m4"], .move(.family)))? = state.press(.enter).first else { return XCTFail() }
    }

    func testMovePromptEscCancelsAndSameFolderIsRefused() {
        var state = Fixtures.loaded()
        state.press(.character("m"))
        state.type("2")
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.prompt)
        XCTAssertTrue(state.pending.values.allSatisfy { if case .actions(.update) = $0 { false } else { true } })
        state.press(.character("m"))
        state.type("new")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .info("Already in New"))
    }

    func testDeleteAsksNamingHowManyAndOnlyYConfirms() {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character(" "), .character("d"))
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["m1", "m4"]))
        XCTAssertEqual(state.press(.enter), [], "Enter means the default, No")
        XCTAssertEqual(state.status, .info("Not deleted"))
        state.press(.character("d"))
        guard case .actions(.delete(let id, _, let ids))? = state.press(.character("y")).first else { return XCTFail() }
        XCTAssertEqual(ids, ["m1", "m4"])
        XCTAssertEqual(state.status, .busy("Deleting 2 messages…"))
        let after = state.send(.actions(.messagesDeleted(id, .success(["m1", "m4"]))))
        XCTAssertEqual(state.visibleIDs, ["m2", "m3", "m5"])
        XCTAssertEqual(state.tagged, [])
        XCTAssertEqual(state.status, .success("Deleted 2 messages"))
        XCTAssertEqual(state.count(of: .inbox), FolderCount(folder: .inbox, total: 3, unread: 3))
        XCTAssertTrue(after.contains(where: \.isLoadMailboxes))
    }

    func testDeleteKeepsSelectionSensible() {
        var state = Fixtures.loaded()
        state.press(.end)  // last row, m5
        guard case .actions(.delete(let id, _, _))? = state.press(.character("d"), .character("y")).first else { return XCTFail() }
        state.send(.actions(.messagesDeleted(id, .success(["m5"]))))
        XCTAssertEqual(state.selectedMessage?.id, "m3", "the last row's removal selects the new last row")
    }

    func testDeleteFailureLosesNothing() {
        var state = Fixtures.loaded()
        guard case .actions(.delete(let id, _, _))? = state.press(.character("d"), .character("y")).first else { return XCTFail() }
        XCTAssertEqual(state.send(.actions(.messagesDeleted(id, .failure(AppError(.forbidden, "no permission"))))), [])
        XCTAssertEqual(state.visibleCount, 5)
        XCTAssertEqual(state.selectedMessage?.id, "m1")
        XCTAssertEqual(state.status, .error("Could not delete: permission denied (no permission)"))
    }

    func testDeleteNotFoundSaysAlreadyDeletedAndRefreshes() {
        var state = Fixtures.loaded()
        guard case .actions(.delete(let id, _, _))? = state.press(.character("d"), .character("y")).first else { return XCTFail() }
        let effects = state.send(.actions(.messagesDeleted(id, .failure(AppError(.notFound, "no message m1")))))
        XCTAssertTrue(effects.contains(where: \.isLoadFolder))
        XCTAssertTrue(effects.contains(where: \.isLoadMailboxes))
        XCTAssertEqual(state.status, .info("That message was already deleted; list refreshed"))
    }

    func testForwardValidatesExtensionsBeforeSending() {
        var state = Fixtures.loaded()
        state.press(.character("f"))
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .error("Type one or more extensions, like 102*103"))
        state.type("10a")
        XCTAssertEqual(state.status, .none, "typing clears the complaint")
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertNotNil(state.prompt)
        guard case .error = state.status else { return XCTFail() }
        state.press(.backspace)
        state.type("2*103, 104 102")
        guard case .actions(.forward(let id, _, ["m1"], let to))? = state.press(.enter).first else { return XCTFail() }
        XCTAssertEqual(to, ["102", "103", "104"])
        XCTAssertEqual(state.status, .busy("Forwarding 1 message to 102, 103, 104…"))
        state.send(.actions(.messagesForwarded(id, .success([ForwardedCopy(mailbox: "102", id: "x")]))))
        XCTAssertEqual(state.status, .success("Forwarded to 102, 103, 104"))
    }

    func testForwardFailures() {
        var state = Fixtures.loaded()
        state.press(.character("f"))
        state.type("999")
        guard case .actions(.forward(let id, _, _, _))? = state.press(.enter).first else { return XCTFail() }
        // The backend tells an unknown extension from a message that is gone.
        state.send(.actions(.messagesForwarded(id, .failure(AppError(.noSuchExtension, "no extension 999")))))
        XCTAssertEqual(state.status, .error("Could not forward: no extension 999"))
        state.press(.character("f"))
        state.type("102")
        guard case .actions(.forward(let id2, _, _, _))? = state.press(.enter).first else { return XCTFail() }
        state.send(.actions(.messagesForwarded(id2, .failure(AppError(.other, "mailbox 102 is full")))))
        XCTAssertEqual(state.status, .error("Could not forward: mailbox 102 is full"))
    }

    /// Hardening 22: forward of a message deleted elsewhere says so and refreshes, as r/m/d do.
    func testForwardOfAMessageDeletedElsewhereRefreshes() {
        var state = Fixtures.loaded()
        state.press(.character("f"))
        state.type("102")
        guard case .actions(.forward(let id, _, _, _))? = state.press(.enter).first else { return XCTFail() }
        let effects = state.send(.actions(.messagesForwarded(
            id, .failure(AppError(.notFound, "message m1 not found, perhaps already deleted")))))
        XCTAssertTrue(effects.contains(where: \.isLoadFolder), "\(effects)")
        XCTAssertEqual(state.status, .info("That message was already deleted; list refreshed"))
    }

    /// Hardening 22: deleting the message that is playing stops the player.
    func testDeletingThePlayingMessageStopsThePlayer() {
        var state = Fixtures.loaded()
        guard case .playback(.play(let play, _))? = state.press(.enter).first else { return XCTFail() }
        state.send(.playback(.report(play, .playing(elapsed: 1, total: 42))))
        guard case .actions(.delete(let id, _, ["m1"]))? = state.press(.character("d"), .character("y")).first
        else { return XCTFail() }
        let effects = state.send(.actions(.messagesDeleted(id, .success(["m1"]))))
        XCTAssertEqual(effects.first, .playback(.stop))
    }

    func testDeletingAnotherMessageLetsPlaybackGoOn() {
        var state = Fixtures.loaded()
        guard case .playback(.play(let play, _))? = state.press(.enter).first else { return XCTFail() }
        state.send(.playback(.report(play, .playing(elapsed: 1, total: 42))))
        state.press(.character("j"))
        guard case .actions(.delete(let id, _, ["m4"]))? = state.press(.character("d"), .character("y")).first
        else { return XCTFail() }
        XCTAssertFalse(state.send(.actions(.messagesDeleted(id, .success(["m4"])))).contains(.playback(.stop)))
    }

    func testForwardToOwnMailboxRefreshes() {
        var state = Fixtures.loaded()
        state.press(.character("f"))
        state.type("101")
        guard case .actions(.forward(let id, _, _, _))? = state.press(.enter).first else { return XCTFail() }
        XCTAssertTrue(state.send(.actions(.messagesForwarded(id, .success([])))).contains(where: \.isLoadFolder))
    }


    func testUnknownResultIDsAreIgnored() {
        var state = Fixtures.loaded()
        let before = state
        XCTAssertEqual(state.send(.actions(.messagesDeleted(RequestID(999), .success(["m1"])))), [])
        XCTAssertEqual(state.send(.actions(.messagesUpdated(RequestID(998), .success([])))), [])
        XCTAssertEqual(state.send(.list(.folderLoaded(RequestID(997), .success(.notModified)))), [])
        XCTAssertEqual(state, before)
    }

    func testActionsOnEmptyListSayNothingSelected() {
        var state = Fixtures.loaded(messages: [])
        XCTAssertEqual(state.press(.character("d")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .info("No message selected"))
    }

    func testActionCompletingDuringFolderLoadReloadsTheFolder() {
        var state = Fixtures.loaded()
        guard case .actions(.delete(let id, _, _))? = state.press(.character("d"), .character("y")).first else { return XCTFail() }
        guard case .list(.loadFolder(let oldLoad, _, _, _))? = state.press(.character("R")).first else { return XCTFail() }
        let effects = state.send(.actions(.messagesDeleted(id, .success(["m1"]))))
        guard case .list(.loadFolder(let newLoad, _, _, _))? = effects.first(where: \.isLoadFolder) else { return XCTFail() }
        XCTAssertNotEqual(oldLoad, newLoad)
        // The older answer may predate the delete: it is ignored.
        state.send(.list(.folderLoaded(oldLoad, .success(.loaded(messages: Fixtures.inbox, etag: nil)))))
        XCTAssertFalse(state.visibleIDs.contains("m1"))
        XCTAssertEqual(state.status, .success("Deleted 1 message"))
    }
}

/// `A`: every message of the folder read, after one question that names the count.
final class MarkAllReadTests: XCTestCase {
    func testAsksWithTheCountAndMarksEveryUnreadMessageOfTheFolder() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        for character in "Bob" { state.press(.character(character)) }
        state.press(.enter)
        XCTAssertEqual(state.visibleCount, 1, "the filter shows one message")
        XCTAssertEqual(state.press(.character("A")), [])
        XCTAssertEqual(state.prompt?.confirmation?.question, "Mark 5 unread messages in New read?",
                       "the whole folder, not only the filtered view")
        XCTAssertEqual(state.press(.character("n")), [])
        XCTAssertEqual(state.status, .info("Nothing marked"))
        state.press(.character("A"))
        guard case .actions(.update(_, _, let ids, .markRead))? = state.press(.character("y")).first else { return XCTFail() }
        XCTAssertEqual(Set(ids), ["m1", "m2", "m3", "m4", "m5"])
    }

    func testAFolderWithNothingUnreadSaysSo() {
        var messages = Fixtures.inbox
        for index in messages.indices { messages[index].read = true }
        var state = Fixtures.loaded(messages: messages)
        XCTAssertEqual(state.press(.character("A")), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .info("All already read"))
    }
}

/// `T`: every message in view tagged (the filter applies); again, untagged.
final class TagAllTests: XCTestCase {
    func testTagsWhatTheFilterShowsThenUntagsItOnTheSecondPress() {
        var state = Fixtures.loaded()
        state.press(.character("/"))
        for character in "Bob" { state.press(.character(character)) }
        state.press(.enter)
        XCTAssertEqual(state.visibleCount, 1)
        XCTAssertEqual(state.press(.character("T")), [])
        XCTAssertEqual(state.tagged, Set(state.visibleIDs), "only what is in view")
        XCTAssertEqual(state.status, .info("Tagged 1 message"))
        state.press(.character("T"))
        XCTAssertEqual(state.tagged, [])
        XCTAssertEqual(state.status, .info("Untagged 1 message"))
    }

    func testTagsEveryMessageAndKeepsEarlierTagsWhenSomeAreMissing() {
        var state = Fixtures.loaded()
        state.press(.character(" "))  // m1 tagged by hand
        state.press(.character("T"))
        XCTAssertEqual(state.tagged, Set(Fixtures.inbox.map(\.id)))
        XCTAssertEqual(state.status, .info("Tagged \(Fixtures.inbox.count) messages"))
        guard case .actions(.update(_, _, let ids, .markRead))? = state.press(.character("r")).first else { return XCTFail() }
        XCTAssertEqual(Set(ids), Set(Fixtures.inbox.map(\.id)), "the actions act on the tagged set")
    }
}
