import AppCore
import VoicemailModel
import XCTest

/// A transcription longer than the details pane can be read to its end with J/K (hardening 24);
/// another message starts at its top.
final class TranscriptionScrollTests: XCTestCase {
    func testJAndKScrollTheSelectedMessagesTranscription() {
        let words = (1...400).map { "word\($0)" }.joined(separator: " ")
        var messages = Fixtures.many(3)
        messages[0].transcription = words
        messages[1].transcription = words
        var state = Fixtures.loaded(size: TerminalSize(width: 120, height: 24), messages: messages)
        let before = App.view(state, size: state.size).text()
        XCTAssertTrue(before.contains("word1 "), before)
        XCTAssertFalse(before.contains("word400"), "the end does not fit at first")

        for _ in 0..<60 { state.press(.character("J")) }
        let scrolled = App.view(state, size: state.size).text()
        XCTAssertTrue(scrolled.contains("word400"), "J reaches the end:\n\(scrolled)")
        XCTAssertFalse(scrolled.contains("word1 "), scrolled)
        XCTAssertTrue(scrolled.contains("… "), "text skipped above is marked")

        state.press(.character("K"))
        XCTAssertFalse(App.view(state, size: state.size).text().contains("word400"), "K scrolls back up")

        state.press(.character("j"))
        XCTAssertTrue(App.view(state, size: state.size).text().contains("word1 "), "another message starts at the top")
    }

    /// Issue 17.11: the "… " that marks text skipped above, and the " …" that marks text
    /// below, never take a word's place: scrolling through, every word is seen.
    func testScrollingShowsEveryWordOnce() {
        let words = (1...300).map { "w\($0)" }
        var messages = Fixtures.many(2)
        messages[0].transcription = words.joined(separator: " ")
        for (width, height) in [(80, 24), (97, 24), (120, 24), (100, 28), (120, 30)] {
            var state = Fixtures.loaded(size: TerminalSize(width: width, height: height), messages: messages)
            var seen = Set<String>()
            for _ in 0..<120 {
                let screen = App.view(state, size: state.size).text()
                for token in screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }) where token.hasPrefix("w") {
                    seen.insert(String(token))
                }
                state.press(.character("J"))
            }
            let missing = words.filter { !seen.contains($0) }
            XCTAssertEqual(missing, [], "\(width)×\(height)")
        }
    }
}
