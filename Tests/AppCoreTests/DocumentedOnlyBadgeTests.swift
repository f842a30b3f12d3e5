import AppCore
import VoicemailBackend
import VoicemailModel
import XCTest

/// A PBX without the Mailboxes call (documented Wildix calls only): once its capabilities say
/// so, New's badge comes from the list itself instead of staying empty.
final class DocumentedOnlyBadgeTests: XCTestCase {
    func testBadgeComesFromTheLoadedListWhenThereIsNoMailboxList() {
        var (state, effects) = App.initial(config: Fixtures.config(), now: Fixtures.now)
        state.send(.input(.resize(TerminalSize(width: 80, height: 24))))
        for effect in effects {
            if case .list(.loadFolder(let id, _, _, _)) = effect {
                state.send(.list(.folderLoaded(id, .success(.loaded(messages: Fixtures.inbox, etag: nil)))))
            }
        }
        XCTAssertEqual(state.count(of: .inbox).unread, 0, "no counts yet: the summary never came")
        state.send(.capabilitiesLoaded(.success(.wildixDocumented)))
        let unread = Fixtures.inbox.filter { $0.folder == .inbox && !$0.read }.count
        XCTAssertGreaterThan(unread, 0)
        XCTAssertEqual(state.count(of: .inbox).unread, unread)
        XCTAssertNil(state.mailboxesRequest, "the summary request that cannot succeed is dropped")
        XCTAssertFalse(state.press(.character("R")).contains { $0.isLoadMailboxes }, "and not asked again")
    }
}
