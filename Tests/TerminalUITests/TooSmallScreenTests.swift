import Foundation
import AppCore
import XCTest

/// The "too small" notice reads as whole phrases at any size.
final class TooSmallScreenTests: XCTestCase {
    private func screen(_ width: Int, _ height: Int) -> [String] {
        let config = AppConfig(server: "pbx.example.com", user: "101")
        let (state, _) = App.initial(config: config, now: Date(timeIntervalSince1970: 1_790_000_000))
        return App.view(state, size: TerminalSize(width: width, height: height)).text()
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testOneLineWhenItFits() {
        XCTAssertEqual(screen(59, 10), ["Terminal too small (need 60x15, have 59x10)"])
    }

    func testNarrowScreensGetWholePhrases() {
        XCTAssertEqual(screen(30, 10), ["Terminal too small", "need 60x15", "have 30x10"])
        XCTAssertEqual(screen(12, 5), ["Terminal too", "small", "need 60x15", "have 12x5"])
    }

    func testAShortScreenShowsWhatFitsFromTheTop() {
        XCTAssertEqual(screen(30, 2), ["Terminal too small", "need 60x15"])
        XCTAssertEqual(screen(30, 1), ["Terminal too small"])
    }
}
