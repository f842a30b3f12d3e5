import AppCore
import VoicemailModel
import XCTest

final class UpdateNavigationTests: XCTestCase {
    func testInitialLoadsSummaryAndNew() {
        let (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        XCTAssertEqual(effects.count, 3)
        XCTAssertTrue(effects[0].isLoadMailboxes)
        XCTAssertEqual(effects[2], .loadCapabilities, "what the backend can do loads beside the first loads")
        guard case .list(.loadFolder(_, let mailbox, let folder, let etag)) = effects[1] else { return XCTFail() }
        XCTAssertEqual(mailbox, "101")
        XCTAssertEqual(folder, .inbox)
        XCTAssertNil(etag)
        XCTAssertEqual(state.status, .busy("Loading New…"))
    }

    func testMessagesSortedNewestFirstAndCountsFromSummary() {
        let state = Fixtures.loaded()
        XCTAssertEqual(state.visibleIDs, ["m1", "m4", "m2", "m3", "m5"])
        XCTAssertEqual(state.count(of: .work).unread, 1)
        XCTAssertEqual(state.totalUnread, 6)
        XCTAssertEqual(state.status, .none)
    }

    func testMovementKeys() {
        var state = Fixtures.loaded(messages: Fixtures.many(100))
        state.press(.character("j"), .down)
        XCTAssertEqual(state.selection, 2)
        state.press(.character("k"))
        XCTAssertEqual(state.selection, 1)
        state.press(.up, .up, .up)
        XCTAssertEqual(state.selection, 0, "stops at the top")
        state.press(.end)
        XCTAssertEqual(state.selection, 99)
        state.press(.character("j"))
        XCTAssertEqual(state.selection, 99, "stops at the bottom")
        state.press(.character("g"))
        XCTAssertEqual(state.selection, 0)
        state.press(.end)
        XCTAssertEqual(state.selection, 99)
        state.press(.home)
        XCTAssertEqual(state.selection, 0)
    }

    func testPagingKeepsSelectionVisible() {
        var state = Fixtures.loaded(messages: Fixtures.many(100))  // 80x24: 10 list rows
        let rows = Layout(size: state.size, detailsToggled: false).listRows
        XCTAssertEqual(rows, 10)
        state.press(.pageDown)
        XCTAssertEqual(state.selection, rows)
        XCTAssertTrue(state.scroll <= state.selection && state.selection < state.scroll + rows)
        state.press(.pageDown, .pageDown)
        state.press(.pageUp)
        XCTAssertEqual(state.selection, 2 * rows)
        XCTAssertTrue(state.scroll <= state.selection && state.selection < state.scroll + rows)
        state.press(.end)
        XCTAssertEqual(state.scroll, 100 - rows)
    }

    func testTabAndHLSwitchPanesAndJKMoveFoldersThere() {
        var state = Fixtures.loaded()
        state.press(.tab)
        XCTAssertEqual(state.focus, .folders)
        let effects = state.press(.character("j"))
        XCTAssertEqual(state.folder, .old)
        XCTAssertTrue(effects.contains(where: \.isLoadFolder))
        state.press(.character("l"))
        XCTAssertEqual(state.focus, .list)
        state.press(.character("h"))
        XCTAssertEqual(state.focus, .folders)
        state.press(.backTab)
        XCTAssertEqual(state.focus, .list)
    }

    func testDigitsJumpToFolders() {
        var state = Fixtures.loaded()
        for (digit, folder) in zip("01234", Folder.allCases).reversed() {
            let effects = state.type(String(digit))
            XCTAssertEqual(state.folder, folder)
            guard case .list(.loadFolder(_, _, let loaded, nil))? = effects.first else { return XCTFail("\(effects)") }
            XCTAssertEqual(loaded, folder)
        }
        XCTAssertEqual(state.type("0"), [], "the open folder is not loaded again")
    }

    func testStaleFolderResultIsIgnored() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let workID, _, _, _))? = state.type("2").first,
            case .list(.loadFolder(let familyID, _, _, _))? = state.type("3").first
        else { return XCTFail() }
        let work = Fixtures.many(3, folder: .work)
        state.send(.list(.folderLoaded(workID, .success(.loaded(messages: work, etag: "w")))))
        XCTAssertEqual(state.folder, .family)
        XCTAssertTrue(state.isLoading)
        XCTAssertEqual(state.visibleCount, 0, "Work's answer must not fill Family")
        state.send(.list(.folderLoaded(familyID, .success(.loaded(messages: [], etag: "f")))))
        XCTAssertFalse(state.isLoading)
        XCTAssertEqual(state.status, .none)
    }

    func testFolderLoadFailureShowsErrorAndCanBeRetried() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, _, _))? = state.type("2").first else { return XCTFail() }
        state.send(.list(.folderLoaded(id, .failure(AppError(.network, "connection refused")))))
        XCTAssertEqual(state.status, .error("Could not load Work: connection refused"))
        XCTAssertTrue(state.press(.character("R")).contains(where: \.isLoadFolder))
    }

    func testUnauthorizedSaysToCheckCredentials() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, _, _))? = state.type("1").first else { return XCTFail() }
        state.send(.list(.folderLoaded(id, .failure(AppError(.unauthorized, "session expired")))))
        XCTAssertEqual(state.status, .error("Could not load Old: not signed in (session expired); check your credentials"))
    }

    func testRefreshKeepsSelectionByIDAndTagsMinusVanished() {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character(" "))  // tag m1, m4; selection on m2
        XCTAssertEqual(state.selectedMessage?.id, "m2")
        let effects = state.press(.character("R"))
        XCTAssertEqual(state.status, .busy("Refreshing…"))
        guard case .list(.loadFolder(let id, _, _, let etag))? = effects.first(where: \.isLoadFolder) else { return XCTFail() }
        XCTAssertEqual(etag, "e1", "a refresh revalidates")
        XCTAssertEqual(state.visibleCount, 5, "the list stays while refreshing")
        var fresh = Fixtures.inbox.filter { $0.id != "m4" }
        fresh.append(VoicemailMessage(id: "m0", mailbox: "101", folder: .inbox, callerNumber: "999",
                                      date: Fixtures.date("2026-11-27T09:59:00Z"), duration: 1))
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: fresh, etag: "e2")))))
        XCTAssertEqual(state.selectedMessage?.id, "m2")
        XCTAssertEqual(state.tagged, ["m1"])
        XCTAssertEqual(state.etag, "e2")
    }

    func testRefreshWhenSelectedMessageVanishedKeepsNearestIndex() {
        var state = Fixtures.loaded()
        state.press(.character("j"), .character("j"))  // m2 at index 2
        guard case .list(.loadFolder(let id, _, _, _))? = state.press(.character("R")).first else { return XCTFail() }
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox.filter { $0.id != "m2" }, etag: nil)))))
        XCTAssertEqual(state.selection, 2)
        XCTAssertEqual(state.selectedMessage?.id, "m3")
    }

    func testNotModifiedSaysUpToDate() {
        var state = Fixtures.loaded()
        guard case .list(.loadFolder(let id, _, _, _))? = state.press(.character("R")).first else { return XCTFail() }
        state.send(.list(.folderLoaded(id, .success(.notModified))))
        XCTAssertEqual(state.status, .info("Up to date"))
        XCTAssertEqual(state.visibleCount, 5)
    }

    func testTickUpdatesClockAndAutoRefreshes() {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.send(.tick(Fixtures.now.addingTimeInterval(30))), [])
        XCTAssertEqual(state.now, Fixtures.now.addingTimeInterval(30))
        let effects = state.send(.tick(Fixtures.now.addingTimeInterval(61)))
        guard case .list(.loadFolder(_, _, _, "e1"))? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertTrue(effects.contains(where: \.isLoadMailboxes))
        XCTAssertEqual(state.status, .none, "auto refresh is silent")
    }

    func testMailboxesMissingOnServerCountsFromFolder() {
        var (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        for effect in effects {
            if case .list(.loadFolder(let id, _, _, _)) = effect {
                state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox, etag: nil)))))
            }
            if case .list(.loadMailboxes(let id)) = effect {
                state.send(.list(.mailboxesLoaded(id, .failure(AppError(.notFound, "no such call")))))
            }
        }
        XCTAssertEqual(state.count(of: .inbox).unread, 5)
        XCTAssertEqual(state.status, .none, "a server without Mailboxes is not an error")
        XCTAssertFalse(state.press(.character("R")).contains(where: \.isLoadMailboxes))
    }

    func testCtrlLRedrawsQAndCtrlCQuit() {
        var state = Fixtures.loaded()
        XCTAssertEqual(state.press(.control("l")), [.redraw])
        XCTAssertEqual(state.press(.character("q")), [.quit])
        XCTAssertEqual(state.press(.control("c")), [.quit])
        state.press(.character("/"))
        XCTAssertEqual(state.press(.control("c")), [.quit], "Ctrl-C quits even inside a prompt")
    }

    func testHelpOpensAndClosesWithEscOrQuestionMark() {
        var state = Fixtures.loaded()
        state.press(.character("?"))
        XCTAssertTrue(state.showHelp)
        XCTAssertEqual(state.press(.character("d")), [], "keys do not act behind the help")
        state.press(.escape)
        XCTAssertFalse(state.showHelp)
        state.press(.character("?"), .character("?"))
        XCTAssertFalse(state.showHelp)
    }

    func testMouseClickFolderAndMessageAndWheel() {
        var state = Fixtures.loaded(messages: Fixtures.many(50))
        let layout = Layout(size: state.size, detailsToggled: false)
        let list = layout.list!
        state.send(.input(.mouse(MouseEvent(x: list.x + 5, y: list.y + 4, action: .press))))
        XCTAssertEqual(state.selection, 3)
        state.send(.input(.mouse(MouseEvent(x: 3, y: layout.row(of: .work), action: .press))))
        XCTAssertEqual(state.folder, .work)
        XCTAssertEqual(state.focus, .folders)
        state = Fixtures.loaded(messages: Fixtures.many(50))
        state.send(.input(.mouse(MouseEvent(x: list.x + 5, y: list.y + 3, action: .wheelDown))))
        XCTAssertEqual(state.scroll, 3)
        XCTAssertEqual(state.selection, 3, "selection stays on screen")
        state.send(.input(.mouse(MouseEvent(x: list.x + 5, y: list.y + 3, action: .wheelUp))))
        XCTAssertEqual(state.scroll, 0)
    }

    func testResizeKeepsSelectionVisible() {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40), messages: Fixtures.many(100))
        state.press(.character("j"), .character("j"))
        for _ in 0..<30 { state.press(.character("j")) }
        state.send(.input(.resize(TerminalSize(width: 60, height: 15))))
        let rows = Layout(size: state.size, detailsToggled: false).listRows
        XCTAssertTrue(state.scroll <= state.selection && state.selection < state.scroll + rows)
    }

    func testEscClearsFilterThenTags() {
        var state = Fixtures.loaded()
        state.press(.character(" "))
        state.press(.character("/"))
        state.type("bob")
        state.press(.enter)
        XCTAssertEqual(state.filter, "bob")
        state.press(.escape)
        XCTAssertEqual(state.filter, "")
        XCTAssertEqual(state.tagged, ["m1"])
        state.press(.escape)
        XCTAssertEqual(state.tagged, [])
    }
}
