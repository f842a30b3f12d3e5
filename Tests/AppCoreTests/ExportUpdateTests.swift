import AppCore
import VoicemailModel
import XCTest

/// `e`: export the tagged messages (or the selected one) into a folder asked for, with the
/// count in the status line while it runs (issue 20.2).
final class ExportUpdateTests: XCTestCase {
    private func exportEffect(_ effects: [Effect]) -> (RequestID, [VoicemailMessage], String)? {
        guard case .export(.export(let id, let messages, let directory))? = effects.first else { return nil }
        return (id, messages, directory)
    }

    func testProposesADatedFolderAndExportsTheTaggedMessages() throws {
        var state = Fixtures.loaded()
        state.press(.character(" "), .character(" "))  // m1 and the next one tagged
        XCTAssertEqual(state.press(.character("e")), [])
        guard case .export(let prompt)? = state.prompt else { return XCTFail("\(String(describing: state.prompt))") }
        XCTAssertEqual(prompt.ids.count, 2)
        let downloads = state.config.saveDirectory
        XCTAssertEqual(prompt.editor.text, (downloads.hasSuffix("/") ? downloads : downloads + "/") + "voicemail-export-2026-11-27")
        let (id, messages, directory) = try XCTUnwrap(exportEffect(state.press(.enter)))
        XCTAssertEqual(Set(messages.map(\.id)), state.tagged)
        XCTAssertEqual(directory, prompt.editor.text)
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .busy("Exporting 2 messages…"))

        state.send(.export(.progress(id, done: 1, total: 2)))
        XCTAssertEqual(state.status, .busy("Exporting 1 of 2…"))
        state.send(.export(.finished(id, .success(ExportOutcome(written: 1, skipped: 1, directory: "/tmp/x")))))
        XCTAssertEqual(state.status, .success("Exported 2 messages to /tmp/x, 1 already there"))
        state.send(.export(.progress(id, done: 2, total: 2)))
        XCTAssertEqual(state.status, .success("Exported 2 messages to /tmp/x, 1 already there"), "a late progress is ignored")
    }

    func testWithoutTagsTheSelectedMessageIsExportedToTheTypedFolder() throws {
        var state = Fixtures.loaded()
        state.press(.character("e"))
        guard case .export(let prompt)? = state.prompt else { return XCTFail() }
        XCTAssertEqual(prompt.ids, [state.selectedMessage?.id].compactMap { $0 })
        for _ in prompt.editor.text { state.press(.backspace) }
        state.type("/srv/out")
        let (_, messages, directory) = try XCTUnwrap(exportEffect(state.press(.enter)))
        XCTAssertEqual(messages.map(\.id), prompt.ids)
        XCTAssertEqual(directory, "/srv/out")
    }

    func testEscCancelsAnEmptyFolderIsRefusedAndAFailureIsOneLine() throws {
        var state = Fixtures.loaded()
        state.press(.character("e"))
        XCTAssertEqual(state.press(.escape), [])
        XCTAssertNil(state.prompt)
        XCTAssertEqual(state.status, .info("Nothing exported"))

        state.press(.character("e"))
        guard case .export(let prompt)? = state.prompt else { return XCTFail() }
        for _ in prompt.editor.text { state.press(.backspace) }
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertEqual(state.status, .error("Type the folder to export into"))
        state.type("/nope")
        let (id, _, _) = try XCTUnwrap(exportEffect(state.press(.enter)))
        state.send(.export(.finished(id, .failure(AppError(.other, "/nope: permission denied")))))
        guard case .error(let line) = state.status else { return XCTFail("\(state.status)") }
        XCTAssertTrue(line.contains("permission denied"), line)
        XCTAssertFalse(line.contains("\n"))
    }
}
