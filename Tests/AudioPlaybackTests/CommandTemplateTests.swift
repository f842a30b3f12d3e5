import XCTest
@testable import AudioPlayback

final class CommandTemplateTests: XCTestCase {
    func testSplitsLikeAShellWithoutRunningOne() throws {
        let template = try CommandTemplate(parsing: #"mpv --title "my player" --x='a b' {file} \$HOME ; rm"#)
        XCTAssertEqual(template.words, ["mpv", "--title", "my player", "--x=a b", "{file}", "$HOME", ";", "rm"])
        XCTAssertEqual(template.programName, "mpv")
    }

    func testFileIsOneArgumentEvenWithSpacesAndQuotes() throws {
        let template = try CommandTemplate(parsing: "play -q {file}")
        XCTAssertEqual(template.arguments(file: "/tmp/a b'\"$(x).wav"), ["play", "-q", "/tmp/a b'\"$(x).wav"])
    }

    func testFileAppendedWhenNoPlaceholder() throws {
        XCTAssertEqual(try CommandTemplate(parsing: "aplay -q").arguments(file: "/x.wav"), ["aplay", "-q", "/x.wav"])
    }

    func testRefusesUnclosedQuoteAndEmpty() {
        XCTAssertThrowsError(try CommandTemplate(parsing: "mpv 'oops"))
        XCTAssertThrowsError(try CommandTemplate(parsing: "   "))
    }
}
