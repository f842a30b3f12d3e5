import AppCore
import VoicemailBackend
import VoicemailModel
import XCTest

/// Issue 8.2 on the screen: what the backend lacks is hidden from footer and help and,
/// pressed anyway, answers one line and sends nothing.
final class CapabilitiesTests: XCTestCase {
    private func wildix(size: TerminalSize = TerminalSize(width: 200, height: 40)) -> AppState {
        var state = Fixtures.loaded(size: size)
        state.send(.capabilitiesLoaded(.success(.wildixDocumented)))
        return state
    }

    func testMissingActionsRefuseWithOneLineAndSendNothing() {
        var state = wildix()
        let refused: [(Key, BackendCapability)] = [
            (.character("u"), .markUnread), (.character("m"), .move), (.character("f"), .forward),
            (.character("G"), .greetings), (.character("o"), .sharedMailboxes),
        ]
        for (key, capability) in refused {
            XCTAssertEqual(state.press(key), [], "\(key) sent something")
            XCTAssertNil(state.prompt, "\(key) opened a prompt")
            XCTAssertNil(state.greetings)
            XCTAssertEqual(state.status, .error("This PBX" + capability.refusal.dropFirst("this PBX".count)))
        }
        // What every backend can do still works.
        XCTAssertEqual(state.press(.character("d")), [])
        XCTAssertEqual(state.prompt?.confirmation?.then, .delete(ids: ["m1"]))
    }

    func testFooterAndHelpLeaveOutWhatTheBackendLacks() {
        var state = wildix()
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains("d delete"), footer)
        XCTAssertTrue(footer.contains("r read"), footer)
        for missing in ["u unread", "m move", "f fwd", "G greetings"] {
            XCTAssertFalse(footer.contains(missing), "\(missing) in \(footer)")
        }
        state.press(.character("?"))
        let help = App.view(state, size: state.size).text()
        XCTAssertTrue(help.contains("Delete"), help)
        for missing in ["Mark unread", "Move to a folder", "Forward to extensions", "Greetings (record", "Open another mailbox"] {
            XCTAssertFalse(help.contains(missing), "\(missing) in help")
        }
        // No greetings screen at all, so none of its keys either (issue 17.11).
        XCTAssertFalse(help.contains("Greetings:"), help)
    }

    func testEverythingOfferedByDefault() {
        let state = Fixtures.loaded(size: TerminalSize(width: 200, height: 40))
        let footer = App.view(state, size: state.size).text().split(separator: "\n").last.map(String.init) ?? ""
        for shown in ["u unread", "m move", "f fwd", "G greetings"] { XCTAssertTrue(footer.contains(shown), footer) }
    }

    func testAFailedCapabilityLoadOffersEverything() {
        var state = Fixtures.loaded()
        state.send(.capabilitiesLoaded(.failure(AppError(.network, "cannot reach"))))
        XCTAssertEqual(state.capabilities, .everything)
        state.press(.character("m"))
        guard case .actions(.move)? = state.prompt else { return XCTFail("move refused: \(state.status)") }
    }
}

/// Issue 8: the folder pane shows what the backend has; Urgent shows inside New, as on the phone.
final class BackendFoldersTests: XCTestCase {
    private let asterisk = BackendCapabilities(
        supported: Set(BackendCapability.allCases), folders: [.cust1, .urgent, Folder(rawValue: "Voicemail Archive")!])

    func testOtherFoldersFollowThePhoneFoldersAndUrgentIsNotOneOfThem() {
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 40))
        state.send(.capabilitiesLoaded(.success(asterisk)))
        XCTAssertEqual(state.shownFolders, Folder.allCases + [.cust1, Folder(rawValue: "Voicemail Archive")!])
        let screen = App.view(state, size: state.size).text()
        XCTAssertTrue(screen.contains("Cust1"), screen)
        XCTAssertTrue(screen.contains("Voicemail Arc"), screen)
        XCTAssertFalse(screen.contains("Urgent"), screen)
        // Keys reach them: j past Friends, End, and the mouse.
        state.press(.character("h"), .end)
        XCTAssertEqual(state.folder, Folder(rawValue: "Voicemail Archive")!)
        state.press(.character("k"))
        XCTAssertEqual(state.folder, .cust1)
        let layout = Layout(size: state.size, detailsToggled: state.detailsToggled)
        state.press(.character("0"))
        state.send(.input(.mouse(MouseEvent(x: 2, y: layout.row(of: .cust1, in: state.shownFolders), action: .press))))
        XCTAssertEqual(state.folder, .cust1)
    }

    func testUrgentMessagesShowInNewMarkedUrgent() {
        var state = Fixtures.loaded()
        state.send(.capabilitiesLoaded(.success(asterisk)))
        guard case .list(.loadFolder(let id, _, .inbox, _))? = state.press(.character("R")).first else { return XCTFail() }
        let urgent = VoicemailMessage(
            id: "u1", mailbox: "101", folder: .urgent, callerName: "Boss", callerNumber: "100",
            date: Fixtures.now, duration: 9)
        state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox + [urgent], etag: nil)))))
        let shown = (0..<state.visibleCount).map { state.visibleMessage(at: $0) }
        XCTAssertEqual(shown.first { $0.id == "u1" }?.urgent, true, "\(shown.map(\.id))")
    }
}

/// One Paths helper: config and themes resolve XDG_CONFIG_HOME the same way.
final class PathsTests: XCTestCase {
    func testARelativeXDGConfigHomeIsIgnoredAsTheSpecSays() {
        let environment = ["HOME": "/home/alice", "XDG_CONFIG_HOME": "relative/conf"]
        XCTAssertEqual(Paths.configHome(environment: environment).path, "/home/alice/.config")
        XCTAssertEqual(
            Paths.configHome(environment: ["HOME": "/home/alice", "XDG_CONFIG_HOME": "/etc/xdg"]).path, "/etc/xdg")
        XCTAssertEqual(Paths.stateHome(environment: ["HOME": "/h"]).path, "/h/.local/state")
    }

    func testTildeMeansHomeOnlyAtTheStart() {
        let environment = ["HOME": "/home/alice"]
        XCTAssertEqual(Paths.expandTilde("~", environment: environment), "/home/alice")
        XCTAssertEqual(Paths.expandTilde("~/x.log", environment: environment), "/home/alice/x.log")
        XCTAssertEqual(Paths.expandTilde("a/~/b", environment: environment), "a/~/b")
        XCTAssertEqual(Paths.expandTilde("~bob/x", environment: environment), "~bob/x")
    }
}

/// Issue 17.9: a PBX whose Mailboxes counts name a folder beyond the phone's five (the demo's
/// Cust1 over HTTP) shows it in the folder pane, and it can be opened from there.
final class CountedFolderTests: XCTestCase {
    func testAFolderWithMessagesIsShownAndReachableThoughNotAnnounced() {
        var summary = Fixtures.summary
        summary.folders.append(FolderCount(folder: .cust1, total: 1, unread: 0))
        summary.folders.append(FolderCount(folder: .cust2, total: 0, unread: 0))
        var state = Fixtures.loaded(size: TerminalSize(width: 100, height: 30))
        XCTAssertFalse(state.shownFolders.contains(.cust1))
        let effects = state.press(.character("R"))  // a refresh asks for the counts again
        for effect in effects {
            if case .list(.loadMailboxes(let id)) = effect {
                state.send(.list(.mailboxesLoaded(id, .success([summary]))))
            }
        }
        XCTAssertEqual(state.capabilities.folders, Folder.allCases, "the backend announced only the phone's folders")
        XCTAssertEqual(state.shownFolders, Folder.allCases + [.cust1], "an empty Cust2 stays hidden")
        XCTAssertTrue(App.view(state, size: state.size).text().contains("Cust1"))

        // Reachable: focus the folder pane, go to its last row, and it opens.
        state.press(.character("h"))
        state.press(.end)
        XCTAssertEqual(state.folder, .cust1)
    }
}
