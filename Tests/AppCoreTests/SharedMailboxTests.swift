import AppCore
import Foundation
import Themes
import VoicemailModel
import XCTest

/// The mailbox picker, PINs, refusals and confirmations in someone else's mailbox.
final class SharedMailboxTests: XCTestCase {
    private let bobs = [
        VoicemailMessage(
            id: "b1", mailbox: "102", folder: .inbox, callerName: "Carol", callerNumber: "104",
            date: Fixtures.date("2026-11-27T09:59:00Z"), duration: 3),
        VoicemailMessage(
            id: "b2", mailbox: "102", folder: .inbox, callerName: "Dan", callerNumber: "105",
            date: Fixtures.date("2026-11-26T09:59:00Z"), duration: 9),
    ]

    private func frame(_ state: AppState) -> Frame { App.render(state, size: state.size) }

    private func statusRow(_ state: AppState) -> String {
        frame(state).grid.row(text: state.size.height - 2)
    }

    private func openEffect(_ effects: [Effect], file: StaticString = #filePath, line: UInt = #line)
        -> (RequestID, String, MailboxPIN?)?
    {
        for case .picker(.openMailbox(let id, let mailbox, let pin)) in effects { return (id, mailbox, pin) }
        XCTFail("no openMailbox in \(effects)", file: file, line: line)
        return nil
    }

    func testPickerListsMailboxesWithOwnersAndBadges() {
        var state = Fixtures.loaded()
        let effects = state.press(.character("o"))
        XCTAssertTrue(effects.contains(where: \.isLoadMailboxes), "the picker refreshes the badges")
        XCTAssertEqual(App.pickerRows(state).map(\.mailbox), ["101", "102"])
        assertSnapshot(frame(state), named: "picker-80x24")
        let text = frame(state).grid.text()
        XCTAssertTrue(text.contains("Bob Nguyen"))
        XCTAssertTrue(text.contains("1 unread"))
    }

    func testPickerFiltersByNameAndExtensionAndOffersTypedExtension() {
        var state = Fixtures.loaded()
        state.press(.character("o"))
        state.type("bob")
        XCTAssertEqual(App.pickerRows(state).map(\.mailbox), ["102"])
        state.press(.control("u"))
        state.type("10")
        XCTAssertEqual(App.pickerRows(state), [.mailbox(Fixtures.summary), .mailbox(Fixtures.sharedSummary), .typed("10")])
        state.type("2")
        XCTAssertEqual(App.pickerRows(state), [.mailbox(Fixtures.sharedSummary)])
        state.press(.control("u"))
        state.type("zzz")
        XCTAssertEqual(App.pickerRows(state), [])
        state.press(.enter)
        XCTAssertNotNil(state.picker, "nothing to open keeps the picker open")
        XCTAssertTrue(statusRow(state).contains("No mailbox matches \"zzz\""), statusRow(state))
    }

    func testPickerArrowsChooseAndEscCloses() {
        var state = Fixtures.loaded()
        state.press(.character("o"))
        state.press(.down)
        guard let (_, mailbox, pin) = openEffect(state.press(.enter)) else { return }
        XCTAssertEqual(mailbox, "102")
        XCTAssertNil(pin)
        XCTAssertNil(state.picker)
        state.press(.character("o"))
        state.press(.escape)
        XCTAssertNil(state.picker)
        XCTAssertEqual(state.mailbox, "101")
    }

    func testOpeningSharedMailboxShowsItMarkedShared() {
        var state = Fixtures.loaded()
        state.press(.character("o"))
        state.type("102")
        guard let (id, mailbox, _) = openEffect(state.press(.enter)) else { return }
        XCTAssertEqual(mailbox, "102")
        XCTAssertEqual(state.mailbox, "101", "the own mailbox stays until the other has loaded")
        XCTAssertEqual(state.visibleIDs.count, 5)
        let effects = state.send(.picker(.mailboxOpened(id, .success(.loaded(messages: bobs, etag: "b")))))
        XCTAssertTrue(effects.contains(where: \.isLoadMailboxes))
        XCTAssertEqual(state.mailbox, "102")
        XCTAssertFalse(state.isOwnMailbox)
        XCTAssertEqual(state.visibleIDs, ["b1", "b2"])
        XCTAssertEqual(state.etag, "b")
        XCTAssertTrue(frame(state).grid.row(text: 0).contains("102 Bob Nguyen — shared"))
        XCTAssertEqual(frame(state).grid[1, 0].style, .headerShared)
        XCTAssertEqual(App.terminalTitle(state), "vmtui — 102 shared — 1 unread")
        // Later loads act on the shared mailbox.
        state.press(.character("2"))
        XCTAssertTrue(state.press(.character("R")).contains { effect in
            if case .list(.loadFolder(_, "102", _, _)) = effect { true } else { false }
        })
        // Back to one's own through the picker.
        state.press(.character("o"))
        state.type("101")
        let back = state.press(.enter)
        XCTAssertTrue(back.contains { if case .list(.loadFolder(_, "101", .inbox, nil)) = $0 { true } else { false } }, "\(back)")
        XCTAssertTrue(state.isOwnMailbox)
        XCTAssertEqual(state.mailboxName, "Alice Martin")
    }

    func testRefusalKeepsOwnMailboxIntact() {
        var state = Fixtures.loaded()
        state.press(.character("j"))
        state.press(.character(" "))
        state.press(.character("o"))
        state.type("103")
        XCTAssertEqual(App.pickerRows(state), [.typed("103")])
        guard let (id, mailbox, _) = openEffect(state.press(.enter)) else { return }
        XCTAssertEqual(mailbox, "103")
        state.send(.picker(.mailboxOpened(id, .failure(AppError(.forbidden, "no permission for mailbox 103")))))
        XCTAssertEqual(state.status, .error("You may not open mailbox 103 (permission denied); still in your mailbox"))
        XCTAssertEqual(state.mailbox, "101")
        XCTAssertTrue(state.isOwnMailbox)
        XCTAssertEqual(state.visibleIDs.count, 5)
        XCTAssertEqual(state.selection, 2)
        XCTAssertEqual(state.tagged.count, 1)
        for (kind, expected) in [
            (AppError.Kind.notFound, "No mailbox 104; still in your mailbox"),
            (.network, "Could not open mailbox 104: connection refused; still in your mailbox"),
        ] {
            state.press(.character("o"))
            state.type("104")
            guard let (id, _, _) = openEffect(state.press(.enter)) else { return }
            state.send(.picker(.mailboxOpened(id, .failure(AppError(kind, kind == .network ? "connection refused" : "gone")))))
            XCTAssertEqual(state.status, .error(expected))
            XCTAssertEqual(state.mailbox, "101")
        }
    }

    func testPINPromptIsMaskedAndWrongPINKeepsOwnMailbox() {
        var state = Fixtures.loaded()
        var locked = Fixtures.sharedSummary
        locked.pinRequired = true
        for case .list(.loadMailboxes(let id)) in state.press(.character("o")) {
            state.send(.list(.mailboxesLoaded(id, .success([Fixtures.summary, locked]))))
        }
        XCTAssertTrue(frame(state).grid.text().contains("PIN"))
        state.type("102")
        XCTAssertEqual(state.press(.enter), [], "a PIN is asked for before anything is sent")
        guard case .pin("102", _)? = state.prompt else { return XCTFail("no PIN prompt: \(String(describing: state.prompt))") }
        state.type("97531")
        let row = statusRow(state)
        XCTAssertTrue(row.contains("PIN for mailbox 102 Bob Nguyen: •••••"), row)
        XCTAssertFalse(frame(state).grid.text().contains("97531"), "the PIN never shows")
        assertSnapshot(frame(state), named: "pin-prompt-80x24")
        let effects = state.press(.enter)
        guard let (id, mailbox, pin) = openEffect(effects) else { return }
        XCTAssertEqual(mailbox, "102")
        XCTAssertEqual(pin?.value, "97531")
        XCTAssertFalse("\(effects)".contains("97531"), "an effect's description hides the PIN")
        state.send(.picker(.mailboxOpened(id, .failure(AppError(.pinWrong, "Wrong PIN")))))
        XCTAssertEqual(state.status, .error("Wrong PIN for mailbox 102 Bob Nguyen; still in your mailbox"))
        XCTAssertEqual(state.mailbox, "101")
        XCTAssertEqual(state.visibleIDs.count, 5)
        XCTAssertNil(state.prompt)
    }

    func testServerAskingForPINOpensThePromptAndEscGivesUp() {
        var state = Fixtures.loaded()
        state.press(.character("o"))
        state.type("102")
        guard let (id, _, _) = openEffect(state.press(.enter)) else { return }
        state.send(.picker(.mailboxOpened(id, .failure(AppError(.pinRequired, "This mailbox needs the owner's PIN")))))
        guard case .pin("102", _)? = state.prompt else { return XCTFail("no PIN prompt") }
        state.press(.enter)
        XCTAssertEqual(state.status, .error("Type the PIN (the first five characters of the owner's web password)"))
        state.press(.escape)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.mailbox, "101")
        XCTAssertEqual(state.status, .info("Not opened: mailbox 102 Bob Nguyen needs its owner's PIN"))
    }

    func testLaunchMailboxRefusedFallsBackToOwn() {
        var (state, effects) = App.initial(config: Fixtures.config(mailbox: "103"), now: Fixtures.now)
        state.send(.input(.resize(TerminalSize(width: 80, height: 24))))
        guard let id = effects.compactMap({ effect -> RequestID? in
            if case .list(.loadFolder(let id, "103", .inbox, _)) = effect { id } else { nil }
        }).first else { return XCTFail("no load of 103: \(effects)") }
        let fallback = state.send(.list(.folderLoaded(id, .failure(AppError(.forbidden, "no permission for mailbox 103")))))
        XCTAssertTrue(fallback.contains { if case .list(.loadFolder(_, "101", .inbox, nil)) = $0 { true } else { false } }, "\(fallback)")
        XCTAssertTrue(state.isOwnMailbox)
        XCTAssertEqual(state.status, .error("You may not open mailbox 103 (permission denied); showing your own mailbox"))

        (state, effects) = App.initial(config: Fixtures.config(mailbox: "102"), now: Fixtures.now)
        for case .list(.loadFolder(let id, "102", _, _)) in effects {
            state.send(.list(.folderLoaded(id, .failure(AppError(.pinRequired, "needs PIN")))))
        }
        guard case .pin("102", _)? = state.prompt else { return XCTFail("no PIN prompt at launch") }
        XCTAssertEqual(state.mailbox, "101")
    }

    func testDeleteAndMoveInSharedMailboxNameTheOwner() throws {
        var state = Fixtures.loaded()
        state.press(.character("o"))
        state.type("102")
        guard let (id, _, _) = openEffect(state.press(.enter)) else { return }
        state.send(.picker(.mailboxOpened(id, .success(.loaded(messages: bobs, etag: nil)))))
        state.press(.character(" "), .character(" "))
        state.press(.character("d"))
        XCTAssertTrue(statusRow(state).contains("Delete 2 messages from Bob Nguyen's mailbox (102)? [y/N]"), statusRow(state))
        assertSnapshot(frame(state), named: "shared-delete-prompt-80x24")
        let deletion = state.press(.character("y"))
        guard case .actions(.delete(_, let mailbox, let ids))? = deletion.first else { return XCTFail("\(deletion)") }
        XCTAssertEqual(mailbox, "102")
        XCTAssertEqual(Set(ids), ["b1", "b2"])

        var moving = state
        moving.tagged = []
        moving.press(.character("m"))
        moving.type("2")
        XCTAssertEqual(moving.press(.enter), [], "a move in someone else's mailbox is confirmed first")
        XCTAssertTrue(
            statusRow(moving).contains("Move 1 message in Bob Nguyen's mailbox (102) to Work? [y/N]"), statusRow(moving))
        let move = moving.press(.character("y"))
        guard case .actions(.update(_, "102", let moved, .move(.work)))? = move.first else { return XCTFail("\(move)") }
        XCTAssertEqual(moved.count, 1)
        moving.press(.character("m"))
        moving.type("work")
        moving.press(.enter)
        XCTAssertEqual(moving.press(.character("n")), [])
        XCTAssertEqual(moving.status, .info("Not moved"))
    }

    func testOwnMailboxActionsAreNotConfirmedTwice() {
        var state = Fixtures.loaded()
        state.press(.character("m"))
        state.type("2")
        guard case .actions(.update(_, _, _, .move(.work)))? = state.press(.enter).first else { return XCTFail("own moves go straight") }
        state.press(.character("d"))
        XCTAssertTrue(statusRow(state).contains("Delete 1 message? [y/N]"))
    }

    func testEveryShippedThemeMarksTheSharedHeader() {
        for (name, theme) in BuiltinThemes.all {
            XCTAssertNotEqual(theme.resolve(.headerShared), theme.resolve(.header), "\(name): header.shared looks like header")
        }
    }
}
